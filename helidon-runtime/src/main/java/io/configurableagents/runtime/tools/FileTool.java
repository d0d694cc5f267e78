package io.configurableagents.runtime.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.runtime.llm.ToolDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** {@code file_read}, {@code file_write}, {@code file_glob} and {@code file_move}, inside the allowed directories ({@link PathGuard}). */
final class FileTool implements Tool {
  static final int MAX_READ_BYTES = 1_000_000;
  private static final int MAX_MATCHES = 1_000;

  private enum Op { READ, WRITE, GLOB, MOVE }

  private final Op op;
  private final ToolDefinition definition;
  private final PathGuard guard;

  private FileTool(Op op, ToolDefinition definition, PathGuard guard) {
    this.op = op;
    this.definition = definition;
    this.guard = guard;
  }

  static FileTool read(PathGuard guard) {
    return new FileTool(Op.READ, new ToolDefinition("file_read",
        "Reads a text file (UTF-8) from the allowed directories; a relative path starts in the first of them.",
        Inputs.schema(new String[][] {{"path", "string", "the file's path"}}, "path")), guard);
  }

  static FileTool write(PathGuard guard) {
    return new FileTool(Op.WRITE, new ToolDefinition("file_write",
        "Writes text (UTF-8) to a file in the allowed directories, creating its directories; replaces the file, or appends with append: true.",
        Inputs.schema(new String[][] {
            {"path", "string", "the file's path"}, {"content", "string", "the text to write"},
            {"append", "boolean", "add to the end instead of replacing (default false)"}}, "path", "content")), guard);
  }

  static FileTool glob(PathGuard guard) {
    return new FileTool(Op.GLOB, new ToolDefinition("file_glob",
        "Lists the files whose paths match a glob pattern (e.g. **/*.md), relative to a directory in the allowed directories.",
        Inputs.schema(new String[][] {
            {"pattern", "string", "a glob pattern, e.g. *.txt or reports/**/*.csv"},
            {"base_path", "string", "the directory to search (default: the first allowed directory)"}}, "pattern")), guard);
  }

  static FileTool move(PathGuard guard) {
    return new FileTool(Op.MOVE, new ToolDefinition("file_move",
        "Moves or renames a file within the allowed directories (replaces the destination if it exists).",
        Inputs.schema(new String[][] {{"source", "string", "the file to move"}, {"dest", "string", "where it goes"}}, "source", "dest")),
        guard);
  }

  @Override
  public ToolDefinition definition() {
    return definition;
  }

  @Override
  public String call(ObjectNode input) throws ToolException {
    try {
      return switch (op) {
        case READ -> read(input);
        case WRITE -> write(input);
        case GLOB -> glob(input);
        case MOVE -> move(input);
      };
    } catch (IOException e) {
      throw ToolException.failed(definition.name() + " failed: " + e);
    }
  }

  private String read(ObjectNode input) throws ToolException, IOException {
    String given = Inputs.text(input, "path");
    Path path = guard.resolve(given);
    if (!Files.isRegularFile(path)) {
      throw ToolException.failed("no file at " + given);
    }
    long size = Files.size(path);
    byte[] bytes;
    try (var in = Files.newInputStream(path)) {
      bytes = in.readNBytes(MAX_READ_BYTES);
    }
    ObjectNode out = Inputs.JSON.createObjectNode().put("path", given).put("size", size)
        .put("content", new String(bytes, StandardCharsets.UTF_8));
    if (size > bytes.length) {
      out.put("truncated", true);
    }
    return out.toString();
  }

  private String write(ObjectNode input) throws ToolException, IOException {
    String given = Inputs.text(input, "path");
    String content = Inputs.text(input, "content");
    boolean append = input.path("append").asBoolean(false);
    Path path = guard.resolve(given);
    guard.notALink(path, given);
    Files.createDirectories(path.getParent());
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    if (append) {
      Files.write(path, bytes, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } else {
      Files.write(path, bytes);
    }
    return Inputs.JSON.createObjectNode().put("path", given).put("bytes_written", bytes.length).toString();
  }

  private String glob(ObjectNode input) throws ToolException, IOException {
    String pattern = Inputs.text(input, "pattern");
    String baseGiven = Inputs.optionalText(input, "base_path").orElse(".");
    Path base = guard.resolve(baseGiven);
    if (pattern.contains("..") || Path.of(pattern).isAbsolute()) {
      throw ToolException.refused("the pattern \"" + pattern + "\" must be relative and must not contain \"..\"");
    }
    if (!Files.isDirectory(base)) {
      throw ToolException.failed("no directory at " + baseGiven);
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    List<String> matches;
    try (Stream<Path> files = Files.walk(base)) {
      matches = files.filter(Files::isRegularFile).map(base::relativize).filter(matcher::matches)
          .map(Path::toString).sorted().limit(MAX_MATCHES).toList();
    }
    ObjectNode out = Inputs.JSON.createObjectNode().put("pattern", pattern).put("base_path", baseGiven);
    ArrayNode list = out.putArray("matches");
    matches.forEach(list::add);
    return out.toString();
  }

  private String move(ObjectNode input) throws ToolException, IOException {
    String sourceGiven = Inputs.text(input, "source");
    String destGiven = Inputs.text(input, "dest");
    Path source = guard.resolve(sourceGiven);
    Path dest = guard.resolve(destGiven);
    guard.notALink(source, sourceGiven);
    guard.notALink(dest, destGiven);
    if (!Files.exists(source)) {
      throw ToolException.failed("no file at " + sourceGiven);
    }
    Files.createDirectories(dest.getParent());
    Files.move(source, dest, StandardCopyOption.REPLACE_EXISTING);
    return Inputs.JSON.createObjectNode().put("source", sourceGiven).put("dest", destGiven).put("success", true).toString();
  }
}
