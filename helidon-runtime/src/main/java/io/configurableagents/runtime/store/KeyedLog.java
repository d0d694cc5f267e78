package io.configurableagents.runtime.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link RecordLog} of records by key (a job id), of which the latest counts: where that record
 * is, appending records, reading one back, and rewriting the log with only the latest records of
 * the keys still kept (compaction). The records stay on disk; only their places are in memory.
 * Only {@link #payload} may be called from any thread; everything else belongs to the store's
 * writer thread (and to opening, before it starts).
 */
public final class KeyedLog implements AutoCloseable {
  private static final int WRITE_BUFFER = 1 << 20;

  private final RecordLog log;
  private final long compactAfterBytes;
  private final Optional<Duration> compactAfterRemoval;
  private final Map<String, Location> locations = new ConcurrentHashMap<>();
  /** Appended since the last {@link #force}: their places become visible once they are on disk. */
  private final List<Map.Entry<String, Location>> unforced = new ArrayList<>();
  private ByteBuffer buffer;
  private FileChannel channel;
  private long sequence;
  private long segmentBytes;
  private long liveBytes;
  private boolean damaged;
  private long lastCompaction = System.nanoTime();

  private record Location(long sequence, long offset, int length) {}

  /**
   * @param compactAfterBytes the log is rewritten once it is over this size and twice what it holds alive
   * @param compactAfterRemoval when present, also this long after a record stopped being live (so
   *     that removed records leave the disk)
   */
  public KeyedLog(RecordLog log, long compactAfterBytes, Optional<Duration> compactAfterRemoval) {
    this.log = log;
    this.compactAfterBytes = compactAfterBytes;
    this.compactAfterRemoval = compactAfterRemoval;
  }

  public RecordLog recordLog() {
    return log;
  }

  /** Opening: the record of {@code key} at {@code offset} of {@code segment} is its latest so far. */
  public void found(String key, Path segment, long offset, int length) {
    locations.put(key, new Location(log.sequence(segment), offset, length));
  }

  /**
   * Opening done: appends to the last segment when it holds exactly the live records; otherwise
   * copies the live records into a new segment and deletes {@code segments}.
   */
  public void start(List<Path> segments) throws IOException {
    sequence = segments.isEmpty() ? 0 : log.sequence(segments.getLast());
    liveBytes = locations.values().stream().mapToLong(Location::length).sum();
    if (segments.size() == 1 && Files.size(segments.getFirst()) == liveBytes) {
      channel = FileChannel.open(segments.getFirst(), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      segmentBytes = channel.size();
    } else {
      compact(segments);
    }
  }

  public boolean contains(String key) {
    return locations.containsKey(key);
  }

  /**
   * The payload of the latest record of {@code key} on disk, or {@code null} when there is none.
   * Safe from any thread: a record a compaction moved meanwhile is looked up again.
   */
  public byte[] payload(String key) throws IOException {
    for (int attempt = 0; attempt < 2; attempt++) {
      Location at = locations.get(key);
      if (at == null) {
        return null;
      }
      try {
        byte[] payload = RecordLog.readAt(log.segment(at.sequence()), at.offset(), at.length());
        if (payload != null) {
          return payload;
        }
      } catch (NoSuchFileException e) {
        // a compaction moved it meanwhile: look again
      }
    }
    return null;
  }

  /**
   * Appends the record {@code line} of {@code key} (through a buffer of 1 MiB: a batch of large
   * records is never all in memory); it counts as the key's record once {@link #force} returned.
   */
  public void append(String key, byte[] line) throws IOException {
    if (damaged) {
      compact(List.of(log.segment(sequence)));
    }
    try {
      if (buffer == null) {
        buffer = ByteBuffer.allocate(WRITE_BUFFER);
      }
      if (buffer.remaining() < line.length) {
        drain();
      }
      if (line.length > buffer.capacity()) {
        drain(ByteBuffer.wrap(line));
      } else {
        buffer.put(line);
      }
    } catch (IOException e) {
      failed();
      throw e;
    }
    unforced.add(Map.entry(key, new Location(sequence, segmentBytes, line.length)));
    segmentBytes += line.length;
  }

  /** Writes what is buffered and forces the appended records to disk; from now on they are the keys' records. */
  public void force() throws IOException {
    try {
      drain();
      channel.force(false);
    } catch (IOException e) {
      failed();
      throw e;
    }
    for (Map.Entry<String, Location> e : unforced) {
      Location previous = locations.put(e.getKey(), e.getValue());
      liveBytes += e.getValue().length() - (previous == null ? 0 : previous.length());
    }
    unforced.clear();
  }

  /** The record of {@code key} is no longer live (retention removed it). */
  public void forget(String key) {
    Location at = locations.remove(key);
    if (at != null) {
      liveBytes -= at.length();
    }
  }

  /** Rewrites the log when it is over the size limit and twice what it holds alive, or a while after a removal. */
  public void compactIfDue() throws IOException {
    boolean large = segmentBytes > Math.max(compactAfterBytes, 2 * liveBytes);
    boolean removedAWhileAgo = compactAfterRemoval.isPresent()
        && segmentBytes > liveBytes
        && System.nanoTime() - lastCompaction > compactAfterRemoval.get().toNanos();
    if (large || removedAWhileAgo) {
      compact(List.of(log.segment(sequence)));
    }
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }

  /** A write may have left part of a record: nothing since the last force counts, and the next append starts a new segment. */
  private void failed() {
    damaged = true;
    unforced.clear();
    if (buffer != null) {
      buffer.clear();
    }
  }

  private void drain() throws IOException {
    if (buffer != null && buffer.position() > 0) {
      buffer.flip();
      drain(buffer);
      buffer.clear();
    }
  }

  private void drain(ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  /** Copies the live records into a new segment, switches to it and deletes {@code old}. */
  private void compact(List<Path> old) throws IOException {
    long next = sequence + 1;
    Map<String, Location> moved = new HashMap<>();
    long[] size = {0};
    FileChannel fresh = log.writeSegment(next, out -> {
      Map<Long, FileChannel> sources = new HashMap<>();
      try {
        for (Map.Entry<String, Location> e : locations.entrySet()) {
          Location at = e.getValue();
          FileChannel source = sources.get(at.sequence());
          if (source == null) {
            source = FileChannel.open(log.segment(at.sequence()), StandardOpenOption.READ);
            sources.put(at.sequence(), source);
          }
          copy(source, at, out);
          moved.put(e.getKey(), new Location(next, size[0], at.length()));
          size[0] += at.length();
        }
      } finally {
        for (FileChannel source : sources.values()) {
          source.close();
        }
      }
    });
    close();
    channel = fresh;
    sequence = next;
    segmentBytes = size[0];
    liveBytes = size[0];
    damaged = false;
    lastCompaction = System.nanoTime();
    locations.putAll(moved);
    for (Path segment : old) {
      Files.deleteIfExists(segment);
    }
  }

  private static void copy(FileChannel source, Location at, FileChannel out) throws IOException {
    long copied = 0;
    while (copied < at.length()) {
      long n = source.transferTo(at.offset() + copied, at.length() - copied, out);
      if (n <= 0) {
        throw new IOException("segment " + at.sequence() + " ends before the record at byte " + at.offset());
      }
      copied += n;
    }
  }
}
