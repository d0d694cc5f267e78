package io.configurableagents.runtime.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The file format of {@link LogJobStore}: segments {@code jobs-<seq>.log} of records, one a line,
 * {@code <crc32c, 8 hex digits> <job as JSON>\n}. A record whose checksum does not match (a write
 * torn by a crash) is skipped when read; a later record of the same job wins. New segments are
 * written beside as {@code .tmp}, forced to disk and renamed atomically.
 */
final class JobLog {
  private static final String PREFIX = "jobs-";
  private static final String SUFFIX = ".log";
  private static final int WRITE_CHUNK = 1 << 20;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JobLog() {}

  /** The records read from segments, in order, and how many damaged ones were skipped. */
  record Replay(List<Job> jobs, int damaged) {}

  static byte[] encode(Job job) {
    byte[] json;
    try {
      json = JobJson.toRecordBytes(job);
    } catch (IOException e) {
      throw new IllegalStateException("job " + job.id() + " cannot be written as JSON", e);
    }
    CRC32C crc = new CRC32C();
    crc.update(json);
    byte[] line = new byte[9 + json.length + 1];
    long value = crc.getValue();
    for (int i = 7; i >= 0; i--, value >>>= 4) {
      line[i] = (byte) HEX[(int) (value & 0xf)];
    }
    line[8] = ' ';
    System.arraycopy(json, 0, line, 9, json.length);
    line[line.length - 1] = '\n';
    return line;
  }

  static Replay read(List<Path> segments) throws IOException {
    List<Job> jobs = new ArrayList<>();
    int damaged = 0;
    for (Path segment : segments) {
      byte[] content = Files.readAllBytes(segment);
      int start = 0;
      while (start < content.length) {
        int end = indexOf(content, (byte) '\n', start);
        Job job = decode(content, start, end);
        if (job == null) {
          damaged++;
        } else {
          jobs.add(job);
        }
        start = end + 1;
      }
    }
    return new Replay(jobs, damaged);
  }

  /** The segments in {@code dir}, oldest first; leftover {@code .tmp} files are deleted. */
  static List<Path> segments(Path dir) throws IOException {
    List<Path> segments = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*")) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.endsWith(".tmp")) {
          Files.deleteIfExists(file);
        } else if (name.endsWith(SUFFIX) && sequence(file) >= 0) {
          segments.add(file);
        }
      }
    }
    segments.sort((a, b) -> Long.compare(sequence(a), sequence(b)));
    return segments;
  }

  static long sequence(Path segment) {
    String name = segment.getFileName().toString();
    try {
      return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return -1;
    }
  }

  /** Writes {@code lines} (encoded records) as a new segment atomically and returns it, open for appending. */
  static FileChannel writeSegment(Path dir, long sequence, Collection<byte[]> lines) throws IOException {
    Path target = dir.resolve(String.format("%s%012d%s", PREFIX, sequence, SUFFIX));
    Path temp = dir.resolve(target.getFileName() + ".tmp");
    try (FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      writeAll(channel, lines);
      channel.force(true);
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    forceDirectory(dir);
    return FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  /** Appends {@code lines} in writes of at most about 1 MiB (a small batch allocates only its own size). */
  static void writeAll(FileChannel channel, Collection<byte[]> lines) throws IOException {
    long total = 0;
    for (byte[] line : lines) {
      total += line.length;
    }
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(WRITE_CHUNK, total));
    for (byte[] line : lines) {
      if (buffer.remaining() < line.length) {
        drain(channel, buffer);
        if (buffer.capacity() < line.length) {
          buffer = ByteBuffer.allocate(line.length);
        }
      }
      buffer.put(line);
    }
    drain(channel, buffer);
  }

  private static void drain(FileChannel channel, ByteBuffer buffer) throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    buffer.clear();
  }

  static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // some file systems cannot open directories; the rename itself is still atomic
    }
  }

  private static Job decode(byte[] content, int start, int end) {
    if (end - start < 10 || content[start + 8] != ' ') {
      return null;
    }
    try {
      long expected = Long.parseLong(new String(content, start, 8, StandardCharsets.US_ASCII), 16);
      CRC32C crc = new CRC32C();
      crc.update(content, start + 9, end - start - 9);
      if (crc.getValue() != expected) {
        return null;
      }
      return JobJson.fromRecord(JobJson.MAPPER.readTree(Arrays.copyOfRange(content, start + 9, end)));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static int indexOf(byte[] content, byte value, int from) {
    for (int i = from; i < content.length; i++) {
      if (content[i] == value) {
        return i;
      }
    }
    return content.length;
  }

  static UncheckedIOException unchecked(String what, IOException e) {
    return new UncheckedIOException(what + ": " + e.getMessage(), e);
  }
}
