package io.configurableagents.deploy;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the image is built on: a Java 21+ runtime.
 *
 * <ul>
 *   <li>a registry image, pulled by Jib without a daemon (the default, {@value #DEFAULT});
 *   <li>{@code docker://name}: an image already in the local Docker daemon;
 *   <li>{@code tar://path}: an image saved with {@code docker save} (or built by Jib to a tar);
 *   <li>{@code jlink}: a small runtime made on the spot from a JDK 21+ on this machine (Linux).
 * </ul>
 */
public sealed interface BaseImage {
  /** A public Java 21 JRE image. */
  String DEFAULT = "eclipse-temurin:21-jre";

  /** How the user wrote it. */
  String spec();

  record Registry(String reference) implements BaseImage {
    public Registry {
      Objects.requireNonNull(reference, "reference");
    }

    @Override
    public String spec() {
      return reference;
    }
  }

  record DockerDaemon(String name) implements BaseImage {
    public DockerDaemon {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String spec() {
      return "docker://" + name;
    }
  }

  record Tarball(Path file) implements BaseImage {
    public Tarball {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public String spec() {
      return "tar://" + file;
    }
  }

  /** @param jdk the JDK to take the runtime from; empty: the one running the build */
  record Jlink(Optional<Path> jdk) implements BaseImage {
    public Jlink {
      Objects.requireNonNull(jdk, "jdk");
    }

    @Override
    public String spec() {
      return "jlink";
    }

    /** The JDK home to use. */
    public Path jdkHome() {
      return jdk.orElseGet(() -> Path.of(System.getProperty("java.home")));
    }
  }

  /**
   * Reads the user's setting.
   *
   * @param baseDirectory what a relative {@code tar://} path is relative to
   */
  static BaseImage parse(String spec, Optional<Path> jlinkJdk, Path baseDirectory, HelpfulSuggestions suggestions) {
    String s = spec.strip();
    if (s.equals("jlink")) {
      return new Jlink(jlinkJdk);
    }
    if (s.startsWith("docker://") && s.length() > "docker://".length()) {
      return new DockerDaemon(s.substring("docker://".length()));
    }
    if (s.startsWith("tar://") && s.length() > "tar://".length()) {
      return new Tarball(baseDirectory.resolve(s.substring("tar://".length())).normalize());
    }
    if (s.isEmpty() || s.contains("://") || s.chars().anyMatch(Character::isWhitespace)) {
      throw suggestions.invalidSetting(
          Setting.BASE_IMAGE, spec, "expected an image reference, docker://NAME, tar://PATH or jlink", "jlink");
    }
    return new Registry(s);
  }
}
