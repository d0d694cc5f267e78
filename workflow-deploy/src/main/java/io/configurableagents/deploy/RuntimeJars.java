package io.configurableagents.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The runtime that goes into the image: the {@code helidon-runtime} jar and its runtime
 * dependencies, as the build tool resolved them (never downloaded by the deploy layer).
 */
public record RuntimeJars(Path runtimeJar, List<Path> libraries) {
  public RuntimeJars {
    Objects.requireNonNull(runtimeJar, "runtimeJar");
    libraries = List.copyOf(libraries);
  }
}
