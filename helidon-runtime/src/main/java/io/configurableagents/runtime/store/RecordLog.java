package io.configurableagents.runtime.store;

import java.io.IOException;
import java.io.InputStream;
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
 * The file format of the embedded stores: segments {@code <prefix><seq>.log} of records, one a
 * line, {@code <crc32c, 8 hex digits> <payload>\n}, where the payload (compact JSON) holds no
 * newline. A record whose checksum does not match (a write torn by a crash) is skipped when read.
 * New segments are written beside as {@code .tmp}, forced to disk and renamed atomically.
 */
public final class RecordLog {
  private static final String SUFFIX = ".log";
  private static final String TEMP_SUFFIX = ".tmp";
  private static final int HEADER = 9;
  private static final int WRITE_CHUNK = 1 << 20;
  private static final int READ_CHUNK = 1 << 16;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final Path dir;
  private final String prefix;

  /** The log of segments named {@code <prefix><seq>.log} in {@code dir}. */
  public RecordLog(Path dir, String prefix) {
    this.dir = dir;
    this.prefix = prefix;
  }

  public Path dir() {
    return dir;
  }

  /** Receives the records of a segment in order. */
  @FunctionalInterface
  public interface Visitor {
    /**
     * @param offset where the record's line starts in the segment
     * @param length the line's length, newline included
     * @param payload the payload, or {@code null} when the record is damaged
     */
    void record(long offset, int length, byte[] payload) throws IOException;
  }

  /** {@code payload} as a record line: checksum, space, payload, newline. */
  public static byte[] line(byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload);
    byte[] line = new byte[HEADER + payload.length + 1];
    long value = crc.getValue();
    for (int i = 7; i >= 0; i--, value >>>= 4) {
      line[i] = (byte) HEX[(int) (value & 0xf)];
    }
    line[8] = ' ';
    System.arraycopy(payload, 0, line, HEADER, payload.length);
    line[line.length - 1] = '\n';
    return line;
  }

  /** The payload of a record line ({@code length} bytes from {@code start}, newline excluded), or {@code null} when damaged. */
  public static byte[] payload(byte[] content, int start, int length) {
    if (length < HEADER || content[start + 8] != ' ') {
      return null;
    }
    long expected;
    try {
      expected = Long.parseLong(new String(content, start, 8, StandardCharsets.US_ASCII), 16);
    } catch (NumberFormatException e) {
      return null;
    }
    CRC32C crc = new CRC32C();
    crc.update(content, start + HEADER, length - HEADER);
    return crc.getValue() == expected ? Arrays.copyOfRange(content, start + HEADER, start + length) : null;
  }

  /** The segments, oldest first; leftover {@code .tmp} files of interrupted rewrites are deleted. */
  public List<Path> segments() throws IOException {
    List<Path> segments = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, prefix + "*")) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.endsWith(TEMP_SUFFIX)) {
          Files.deleteIfExists(file);
        } else if (name.endsWith(SUFFIX) && sequence(file) >= 0) {
          segments.add(file);
        }
      }
    }
    segments.sort((a, b) -> Long.compare(sequence(a), sequence(b)));
    return segments;
  }

  public long sequence(Path segment) {
    String name = segment.getFileName().toString();
    try {
      return Long.parseLong(name.substring(prefix.length(), name.length() - SUFFIX.length()));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return -1;
    }
  }

  public Path segment(long sequence) {
    return dir.resolve(String.format("%s%012d%s", prefix, sequence, SUFFIX));
  }

  /** Reads a segment record by record, holding one record in memory at a time. */
  public static void read(Path segment, Visitor visitor) throws IOException {
    try (InputStream in = Files.newInputStream(segment)) {
      byte[] chunk = new byte[READ_CHUNK];
      byte[] line = new byte[READ_CHUNK];
      int lineLength = 0;
      long lineStart = 0;
      int n;
      while ((n = in.read(chunk)) > 0) {
        int from = 0;
        for (int i = 0; i < n; i++) {
          if (chunk[i] == '\n') {
            line = append(line, lineLength, chunk, from, i - from);
            lineLength += i - from;
            visitor.record(lineStart, lineLength + 1, payload(line, 0, lineLength));
            lineStart += lineLength + 1;
            lineLength = 0;
            from = i + 1;
          }
        }
        line = append(line, lineLength, chunk, from, n - from);
        lineLength += n - from;
      }
      if (lineLength > 0) {
        visitor.record(lineStart, lineLength, null);
      }
    }
  }

  /** The payload of the record at {@code offset}, or {@code null} when it is not there or damaged. */
  public static byte[] readAt(Path segment, long offset, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
      while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
        // reads until the record is in or the file ends
      }
    }
    if (buffer.hasRemaining() || buffer.get(length - 1) != '\n') {
      return null;
    }
    return payload(buffer.array(), 0, length - 1);
  }

  /** Writes {@code lines} (record lines) as a new segment atomically and returns it, open for appending. */
  public FileChannel writeSegment(long sequence, Collection<byte[]> lines) throws IOException {
    return writeSegment(sequence, channel -> writeAll(channel, lines));
  }

  /** What fills a new segment. */
  @FunctionalInterface
  public interface Content {
    void writeTo(FileChannel channel) throws IOException;
  }

  /** Writes a new segment atomically (temporary file, forced to disk, renamed) and returns it, open for appending. */
  public FileChannel writeSegment(long sequence, Content content) throws IOException {
    Path target = segment(sequence);
    Path temp = dir.resolve(target.getFileName() + TEMP_SUFFIX);
    try (FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      content.writeTo(channel);
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    forceDirectory(dir);
    return FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  /** Appends {@code lines} in writes of at most about 1 MiB (a small batch allocates only its own size). */
  public static void writeAll(FileChannel channel, Collection<byte[]> lines) throws IOException {
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

  private static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // some file systems cannot open directories; the rename itself is still atomic
    }
  }

  private static byte[] append(byte[] line, int length, byte[] chunk, int from, int count) {
    byte[] target = line.length >= length + count ? line : Arrays.copyOf(line, Math.max(line.length * 2, length + count));
    System.arraycopy(chunk, from, target, length, count);
    return target;
  }
}
