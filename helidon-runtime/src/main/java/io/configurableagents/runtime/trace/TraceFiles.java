package io.configurableagents.runtime.trace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One JSON file per run in the traces directory, written atomically (a temporary file, forced to
 * disk, then moved over the old one), so a crash leaves either the old or the new trace.
 */
final class TraceFiles {
  static final String SUFFIX = ".json";
  private static final String TEMP_SUFFIX = ".tmp";
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

  private final Path dir;

  TraceFiles(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  Path fileOf(String jobId) {
    String name = SAFE_ID.matcher(jobId).matches()
        ? jobId : "x-" + HexFormat.of().formatHex(jobId.getBytes(StandardCharsets.UTF_8));
    return dir.resolve(name + SUFFIX);
  }

  void write(Trace trace) throws IOException {
    Path target = fileOf(trace.jobId());
    Path temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
    byte[] bytes = TraceJson.MAPPER.writeValueAsBytes(TraceJson.trace(trace));
    try (FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  Trace read(Path file) throws IOException {
    return TraceParser.trace(TraceJson.MAPPER.readTree(file.toFile()));
  }

  /** Only the summary, which comes first in the file: opening the store stays fast with large traces. */
  TraceSummary readSummary(Path file) throws IOException {
    try (JsonParser p = TraceJson.MAPPER.createParser(file.toFile())) {
      if (p.nextToken() == JsonToken.START_OBJECT && p.nextToken() == JsonToken.FIELD_NAME && "summary".equals(p.currentName())) {
        p.nextToken();
        return TraceParser.summary(p.readValueAsTree());
      }
    }
    throw new IOException("no summary at the start of " + file.getFileName());
  }

  void delete(String jobId) {
    try {
      Files.deleteIfExists(fileOf(jobId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Temporary files of writes a crash interrupted. */
  void deleteLeftovers() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().endsWith(TEMP_SUFFIX)).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  List<Path> all() throws IOException {
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList();
    }
  }
}
