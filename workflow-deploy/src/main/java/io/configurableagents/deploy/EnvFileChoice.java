package io.configurableagents.deploy;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Which environment file the container gets. The default file is optional (a warning when it is
 * missing); a file the user named is required; or none at all.
 */
public sealed interface EnvFileChoice {

  /** The file, when there is one to look for. */
  Optional<Path> path();

  /** The project's {@code .env}: used when present, a warning when not. */
  record DefaultFile(Path file) implements EnvFileChoice {
    public DefaultFile {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public Optional<Path> path() {
      return Optional.of(file);
    }
  }

  /** A file the user named: it must exist. */
  record ExplicitFile(Path file) implements EnvFileChoice {
    public ExplicitFile {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public Optional<Path> path() {
      return Optional.of(file);
    }
  }

  /** No file: the user sets the environment another way. */
  record NoFile() implements EnvFileChoice {
    @Override
    public Optional<Path> path() {
      return Optional.empty();
    }
  }

  /**
   * The choice for the given settings: {@code skip} wins; a file equal to the default is the
   * default (optional); any other file is explicit (required).
   */
  static EnvFileChoice of(Path file, Path defaultFile, boolean skip) {
    if (skip) {
      return new NoFile();
    }
    Path normalized = file.toAbsolutePath().normalize();
    return normalized.equals(defaultFile.toAbsolutePath().normalize())
        ? new DefaultFile(normalized)
        : new ExplicitFile(normalized);
  }

}
