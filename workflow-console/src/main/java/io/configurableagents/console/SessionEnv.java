package io.configurableagents.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.deploy.EnvFileChoice;
import io.configurableagents.deploy.EnvLines;
import io.configurableagents.deploy.HelpfulSuggestions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The environment pasted or uploaded into this console session. Its values stay in this process's
 * memory: answers show each name with its value masked ({@link #mask}), logs never see them, and
 * on disk they exist only while a deploy runs, in a file only the owner can read, removed once the
 * container has started ({@link #writeFile}). See docs/console.md, "Environment".
 */
final class SessionEnv {
  /** The largest env text the console takes. */
  static final int MAX_BYTES = 64 * 1024;
  static final String LIMIT = "an environment of at most 64 KB";

  private record Entry(String fileName, String text, EnvLines lines) {}

  private volatile Optional<Entry> current = Optional.empty();

  /** Replaces the environment with {@code text} (KEY=VALUE lines). */
  void set(String fileName, String text) {
    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw ConsoleProblem.tooLarge("The environment is larger than the console takes: " + LIMIT);
    }
    current = Optional.of(new Entry(fileName, text, EnvLines.parse(text)));
  }

  void clear() {
    current = Optional.empty();
  }

  boolean isSet() {
    return current.isPresent();
  }

  /**
   * What the page shows: each variable's name and masked value, and the findings of the deploy's
   * own env check against the variables {@code workflow} reads, when there is one.
   */
  ObjectNode view(Optional<Workflow> workflow, HelpfulSuggestions suggestions) {
    ObjectNode body = Json.object();
    Optional<Entry> entry = current;
    body.put("set", entry.isPresent());
    if (entry.isEmpty()) {
      return body;
    }
    body.put("fileName", entry.get().fileName());
    ArrayNode variables = body.putArray("variables");
    for (EnvLines.Variable v : entry.get().lines().variables()) {
      variables.addObject().put("name", v.name()).put("masked", mask(v.value())).put("line", v.line());
    }
    ArrayNode findings = body.putArray("findings");
    for (EnvLines.Finding f : entry.get().lines().findings(entry.get().fileName(), workflow, suggestions)) {
      findings.addObject().put("severity", f.error() ? "error" : "warning").put("line", f.line())
          .put("message", f.message());
    }
    return body;
  }

  /**
   * A value as the page shows it: its first 3 characters and {@code ***}; only {@code ***} when
   * it is shorter than 8 characters (3 would give away too much of it); {@code (empty)} when empty.
   */
  static String mask(String value) {
    if (value.isEmpty()) {
      return "(empty)";
    }
    return value.length() < 8 ? "***" : value.substring(0, 3) + "***";
  }

  /**
   * Writes the environment, as it was pasted, to {@code directory/env/.env}, readable by the owner
   * alone; closing the result deletes it. Without an environment, the deploy gets none.
   */
  EnvFile writeFile(Path directory) {
    Optional<Entry> entry = current;
    if (entry.isEmpty()) {
      return new EnvFile(Optional.empty());
    }
    Path file = directory.resolve("env").resolve(".env");
    try {
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createDirectory(file.getParent(),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createDirectory(file.getParent());
        Files.createFile(file);
      }
      Files.writeString(file, entry.get().text(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
      return new EnvFile(Optional.of(file));
    } catch (IOException e) {
      EnvFile.delete(file);
      throw new UncheckedIOException("could not write the environment for docker run", e);
    }
  }

  /** The file a deploy passes to {@code docker run --env-file}, deleted on close. */
  static final class EnvFile implements AutoCloseable {
    private final Optional<Path> file;

    private EnvFile(Optional<Path> file) {
      this.file = file;
    }

    /** What the deploy request names. */
    EnvFileChoice choice() {
      return file.<EnvFileChoice>map(EnvFileChoice.ExplicitFile::new).orElseGet(EnvFileChoice.NoFile::new);
    }

    Optional<Path> path() {
      return file;
    }

    @Override
    public void close() {
      file.ifPresent(EnvFile::delete);
    }

    private static void delete(Path file) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // the console's private directory is removed when it stops
      }
    }
  }
}
