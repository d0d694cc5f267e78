package io.configurableagents.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The workflow files of the project directory the console was started in: those the page offers
 * to open ({@code .yaml}, {@code .yml}, {@code .json}, a few levels deep, build output and hidden
 * directories left out), and reading one of them; nothing outside the directory is ever read.
 */
final class ProjectFiles {
  private static final int MAX_DEPTH = 4;
  private static final int MAX_FILES = 500;
  private static final Set<String> SKIPPED = Set.of("target", "node_modules", "build", "out");

  private final Path directory;

  ProjectFiles(Path directory) {
    this.directory = directory.toAbsolutePath().normalize();
  }

  Path directory() {
    return directory;
  }

  /** The workflow files, relative to the directory, with {@code /} between names, sorted. */
  List<String> list() {
    List<String> files = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return files;
    }
    try {
      Files.walkFileTree(directory, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
          boolean skip = !dir.equals(directory) && (name.startsWith(".") || SKIPPED.contains(name));
          return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() && isWorkflowName(file.getFileName().toString())) {
            files.add(relative(file));
          }
          return files.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(String::compareTo);
    return files;
  }

  /** {@code path} (relative to the directory) if it is a workflow file in it. */
  WorkflowText read(String path) {
    Path file = resolve(path).orElseThrow(() -> ConsoleProblem.badRequest("outside_project",
        "Only workflow files (.yaml, .yml, .json) inside " + directory + " can be opened; pick one from the list"));
    if (!Files.isRegularFile(file)) {
      throw ConsoleProblem.notFound("no_such_file", "There is no file " + path + " in " + directory
          + "; pick one from the list");
    }
    try {
      if (Files.size(file) > WorkflowText.MAX_BYTES) {
        throw ConsoleProblem.tooLarge(path + " is " + JsonBody.megabytes(Files.size(file)) + "; the console takes "
            + WorkflowText.LIMIT);
      }
      return new WorkflowText(file.getFileName().toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw ConsoleProblem.notFound("unreadable_file", path + " could not be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The file, when it is a workflow file inside the directory, also after following links. */
  private Optional<Path> resolve(String path) {
    try {
      Path file = directory.resolve(path).normalize();
      if (!file.startsWith(directory) || !isWorkflowName(file.getFileName().toString())) {
        return Optional.empty();
      }
      if (Files.exists(file) && !file.toRealPath().startsWith(directory.toRealPath())) {
        return Optional.empty();
      }
      return Optional.of(file);
    } catch (InvalidPathException | IOException e) {
      return Optional.empty();
    }
  }

  /** {@code path} relative to the directory, when the file is inside it. */
  Optional<String> relativeName(Path file) {
    Path normalized = file.toAbsolutePath().normalize();
    return normalized.startsWith(directory) ? Optional.of(relative(normalized)) : Optional.empty();
  }

  private String relative(Path file) {
    return directory.relativize(file).toString().replace('\\', '/');
  }

  private static boolean isWorkflowName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
  }
}
