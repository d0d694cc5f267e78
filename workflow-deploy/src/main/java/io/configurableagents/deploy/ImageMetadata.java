package io.configurableagents.deploy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the image's labels say besides the workflow: the project's version, where its source is,
 * and the creation time (fixed, for reproducible images: the project's
 * {@code project.build.outputTimestamp}, else the epoch as Jib does).
 */
public record ImageMetadata(String projectVersion, Optional<String> source, Instant created) {
  public ImageMetadata {
    Objects.requireNonNull(projectVersion, "projectVersion");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(created, "created");
  }
}
