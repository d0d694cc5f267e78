package io.configurableagents.runtime.trace;

import io.configurableagents.runtime.store.RecordLog;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The segment files of the trace log: where the latest record of each stored trace is, appending
 * records, reading one back, and rewriting the log with only the live records (compaction). Only
 * {@link #payload} may be called from any thread; everything else belongs to the store's writer
 * thread (and to opening, before it starts).
 */
final class TraceSegments implements AutoCloseable {
  private final RecordLog log;
  private final long compactAfterBytes;
  private final Duration compactAfterRemoval;
  private final Map<String, Location> locations = new ConcurrentHashMap<>();
  private FileChannel channel;
  private long sequence;
  private long segmentBytes;
  private long liveBytes;
  private boolean damaged;
  private long lastCompaction = System.nanoTime();

  private record Location(long sequence, long offset, int length) {}

  /**
   * @param compactAfterBytes the log is rewritten once it is over this size and twice what it holds alive
   * @param compactAfterRemoval and this long after a record stopped being live (so removed traces leave the disk)
   */
  TraceSegments(RecordLog log, long compactAfterBytes, Duration compactAfterRemoval) {
    this.log = log;
    this.compactAfterBytes = compactAfterBytes;
    this.compactAfterRemoval = compactAfterRemoval;
  }

  /** Opening: the record of {@code jobId} at {@code offset} of {@code segment} is its latest so far. */
  void found(String jobId, Path segment, long offset, int length) {
    locations.put(jobId, new Location(log.sequence(segment), offset, length));
  }

  /**
   * Opening done: appends to the last segment when it holds exactly the live records and nothing
   * is {@code rewritten}; otherwise writes the live records and {@code rewritten} (new records, by
   * job) into a new segment and deletes {@code segments}.
   */
  void start(List<Path> segments, Map<String, byte[]> rewritten) throws IOException {
    sequence = segments.isEmpty() ? 0 : log.sequence(segments.getLast());
    rewritten.keySet().forEach(locations::remove);
    liveBytes = locations.values().stream().mapToLong(Location::length).sum();
    if (segments.size() == 1 && rewritten.isEmpty() && Files.size(segments.getFirst()) == liveBytes) {
      channel = FileChannel.open(segments.getFirst(), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      segmentBytes = channel.size();
    } else {
      compact(segments, rewritten);
    }
  }

  /**
   * The payload of the latest record of {@code jobId}, or {@code null} when there is none. Safe
   * from any thread: a record a compaction moved meanwhile is looked up again.
   */
  byte[] payload(String jobId) throws IOException {
    for (int attempt = 0; attempt < 2; attempt++) {
      Location at = locations.get(jobId);
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

  /** Appends the records ({@code lines}, one per job of {@code jobIds}) and forces them to disk. */
  void append(List<String> jobIds, List<byte[]> lines) throws IOException {
    if (damaged) {
      compact(List.of(log.segment(sequence)), Map.of());
    }
    try {
      RecordLog.writeAll(channel, lines);
      channel.force(false);
    } catch (IOException e) {
      damaged = true; // a write may have left part of a record: the next append starts a new segment
      throw e;
    }
    for (int i = 0; i < lines.size(); i++) {
      int length = lines.get(i).length;
      Location previous = locations.put(jobIds.get(i), new Location(sequence, segmentBytes, length));
      liveBytes += length - (previous == null ? 0 : previous.length());
      segmentBytes += length;
    }
  }

  /** The record of {@code jobId} is no longer live (retention removed the trace). */
  void forget(String jobId) {
    Location at = locations.remove(jobId);
    if (at != null) {
      liveBytes -= at.length();
    }
  }

  /** Rewrites the log when it is over the size limit and twice what it holds alive, or a while after a removal. */
  void compactIfDue() throws IOException {
    boolean large = segmentBytes > Math.max(compactAfterBytes, 2 * liveBytes);
    boolean removedAWhileAgo = segmentBytes > liveBytes && System.nanoTime() - lastCompaction > compactAfterRemoval.toNanos();
    if (large || removedAWhileAgo) {
      compact(List.of(log.segment(sequence)), Map.of());
    }
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }

  /** Copies the live records and the {@code rewritten} ones into a new segment, switches to it and deletes {@code old}. */
  private void compact(List<Path> old, Map<String, byte[]> rewritten) throws IOException {
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
        for (Map.Entry<String, byte[]> e : rewritten.entrySet()) {
          RecordLog.writeAll(out, List.of(e.getValue()));
          moved.put(e.getKey(), new Location(next, size[0], e.getValue().length));
          size[0] += e.getValue().length;
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
