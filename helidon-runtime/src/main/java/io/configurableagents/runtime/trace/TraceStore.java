package io.configurableagents.runtime.trace;

import io.configurableagents.core.WorkflowException;
import io.configurableagents.runtime.store.GroupCommitWriter;
import io.configurableagents.runtime.store.RecordLog;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Traces on disk, with their summaries in memory: an append-only log of checksummed records
 * ({@link RecordLog}, segments {@code traces-<seq>.log} under {@code DATA_DIR/traces}) with group
 * commit. A trace handed over is readable at once; one writer thread appends every trace handed
 * over since its last write in one write and forces them to disk once, so thousands of runs a
 * second cost a few {@code fsync}s. A crash leaves at most a damaged last record, which the next
 * start skips. When the log holds mostly traces retention removed or later records replaced, the
 * live ones are copied into a new segment (temp file, fsync, atomic rename). Opening the store
 * marks the runs a stop interrupted and imports the {@code <job>.json} files of earlier versions.
 */
public final class TraceStore implements TraceSink, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(TraceStore.class.getName());
  private static final long COMPACT_AFTER_BYTES = 64L << 20;
  private static final Duration RETENTION_CHECK = Duration.ofMinutes(1);

  private final RecordLog log;
  private final TraceRetention retention;
  private final Clock clock;
  private final long compactAfterBytes;
  private final Map<String, TraceSummary> summaries = new ConcurrentHashMap<>();
  /** Handed over, not yet on disk. */
  private final Map<String, Trace> pending = new ConcurrentHashMap<>();
  /** Where the latest record of each stored trace is. */
  private final Map<String, Location> locations = new ConcurrentHashMap<>();
  private final Recovery recovery;
  private final GroupCommitWriter<Trace> writer;
  private volatile boolean closed;

  // the writer thread's (and the constructor's) alone
  private FileChannel channel;
  private long sequence;
  private long segmentBytes;
  private long liveBytes;
  private boolean segmentDamaged;
  /** The stored finished traces, in the order retention removes them. */
  private final TreeSet<Finished> finished = new TreeSet<>();
  private long lastCompaction = System.nanoTime();

  /**
   * What opening found.
   *
   * @param interrupted runs that were going when the process stopped
   * @param damaged records or files that could not be read (files are left in place)
   */
  public record Recovery(int traces, int interrupted, int damaged) {}

  private record Location(long sequence, long offset, int length) {}

  /** A finished trace's place in the retention order: oldest start first. */
  private record Finished(Instant startedAt, String jobId) implements Comparable<Finished> {
    private static final Comparator<Finished> ORDER = Comparator.comparing(Finished::startedAt).thenComparing(Finished::jobId);

    static Finished of(TraceSummary summary) {
      return new Finished(summary.startedAt(), summary.jobId());
    }

    @Override
    public int compareTo(Finished other) {
      return ORDER.compare(this, other);
    }
  }

  private TraceStore(Path dir, TraceRetention retention, Clock clock, long compactAfterBytes) throws IOException {
    this.log = new RecordLog(Files.createDirectories(dir), TraceRecords.PREFIX);
    this.retention = retention;
    this.clock = clock;
    this.compactAfterBytes = compactAfterBytes;
    this.recovery = open();
    this.writer = new GroupCommitWriter<>("traces-store", RETENTION_CHECK, new GroupCommitWriter.Batches<>() {
      @Override
      public void write(List<Trace> batch) {
        TraceStore.this.write(batch);
      }

      @Override
      public void idle() {
        applyRetention();
        compactIfDue();
      }
    });
  }

  public static TraceStore open(Path dir, TraceRetention retention, Clock clock) {
    return open(dir, retention, clock, COMPACT_AFTER_BYTES);
  }

  /** With the log rewritten once it is over {@code compactAfterBytes} and twice the live traces. */
  static TraceStore open(Path dir, TraceRetention retention, Clock clock, long compactAfterBytes) {
    try {
      return new TraceStore(dir, retention, clock, compactAfterBytes);
    } catch (IOException e) {
      throw new WorkflowException("cannot open the traces directory " + dir + " (" + e + "); check that DATA_DIR names a writable directory", e);
    }
  }

  public Recovery recovery() {
    return recovery;
  }

  @Override
  public void started(Trace trace) {
    finished(trace);
  }

  @Override
  public void finished(Trace trace) {
    if (closed) {
      return;
    }
    pending.put(trace.jobId(), trace);
    summaries.put(trace.jobId(), trace.summary());
    writer.submit(trace);
  }

  /** Stored summaries (running runs as last checkpointed), newest first. */
  public List<TraceSummary> summaries() {
    return summaries.values().stream().sorted(Comparator.comparing(TraceSummary::startedAt).reversed()).toList();
  }

  public Optional<Trace> find(String jobId) {
    Trace waiting = pending.get(jobId);
    if (waiting != null) {
      return Optional.of(waiting);
    }
    for (int attempt = 0; attempt < 2; attempt++) {
      Location at = locations.get(jobId);
      if (at == null) {
        return Optional.empty();
      }
      try {
        byte[] payload = RecordLog.readAt(log.segment(at.sequence()), at.offset(), at.length());
        if (payload != null) {
          return Optional.of(TraceRecords.trace(payload));
        }
      } catch (NoSuchFileException e) {
        // a compaction moved it meanwhile: look again
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Writes what is pending, then stops the writer. */
  @Override
  public void close() {
    closed = true;
    writer.close();
    try {
      channel.close();
    } catch (IOException e) {
      // everything was forced to disk after its write
    }
  }

  // --- opening ---------------------------------------------------------------------------------

  private Recovery open() throws IOException {
    List<Path> segments = log.segments();
    int damaged = replay(segments);
    Map<String, byte[]> rewritten = new LinkedHashMap<>();
    List<Path> imported = new ArrayList<>();
    damaged += importLegacy(rewritten, imported);
    int interrupted = markInterrupted(rewritten);
    sequence = segments.isEmpty() ? 0 : log.sequence(segments.getLast());
    summaries.values().stream().filter(s -> s.status() != RunStatus.RUNNING).map(Finished::of).forEach(finished::add);
    applyRetention();
    liveBytes = locations.values().stream().mapToLong(Location::length).sum();
    if (segments.size() == 1 && damaged == 0 && rewritten.isEmpty() && Files.size(segments.getFirst()) == liveBytes) {
      channel = FileChannel.open(segments.getFirst(), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      segmentBytes = channel.size();
    } else {
      rewritten.keySet().retainAll(summaries.keySet());
      compact(segments, rewritten);
    }
    for (Path file : imported) {
      Files.deleteIfExists(file);
    }
    return new Recovery(summaries.size(), interrupted, damaged);
  }

  /** Reads the summaries of the segments' records (a later record of a run wins); returns how many were damaged. */
  private int replay(List<Path> segments) throws IOException {
    int[] damaged = {0};
    for (Path segment : segments) {
      long seq = log.sequence(segment);
      RecordLog.read(segment, (offset, length, payload) -> {
        TraceSummary summary = payload == null ? null : summaryOrNull(payload);
        if (summary == null) {
          damaged[0]++;
          LOG.log(Level.WARNING, "traces: skipped a damaged record at byte " + offset + " of " + segment);
        } else {
          summaries.put(summary.jobId(), summary);
          locations.put(summary.jobId(), new Location(seq, offset, length));
        }
      });
    }
    return damaged[0];
  }

  private static TraceSummary summaryOrNull(byte[] payload) {
    try {
      return TraceRecords.summary(payload);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Takes the traces of the one-file-per-run layout into the log; unreadable files stay. */
  private int importLegacy(Map<String, byte[]> rewritten, List<Path> imported) throws IOException {
    int damaged = 0;
    for (Path file : TraceRecords.legacyFiles(log.dir())) {
      if (TraceRecords.isTemporary(file)) {
        imported.add(file);
        continue;
      }
      try {
        Trace trace = TraceRecords.readLegacy(file);
        if (!summaries.containsKey(trace.jobId())) {
          summaries.put(trace.jobId(), trace.summary());
          rewritten.put(trace.jobId(), TraceRecords.line(trace));
        }
        imported.add(file);
      } catch (IOException | RuntimeException e) {
        damaged++;
        LOG.log(Level.WARNING, "traces: skipped " + file + ", which cannot be read: " + e.getMessage());
      }
    }
    return damaged;
  }

  /** Runs that were going when the process stopped: recorded as interrupted. */
  private int markInterrupted(Map<String, byte[]> rewritten) throws IOException {
    int interrupted = 0;
    for (TraceSummary summary : List.copyOf(summaries.values())) {
      if (summary.status() != RunStatus.RUNNING) {
        continue;
      }
      String jobId = summary.jobId();
      byte[] line = rewritten.get(jobId);
      Trace going = line != null ? TraceRecords.trace(payloadOf(line)) : storedTrace(jobId);
      Trace stopped = interrupted(going);
      summaries.put(jobId, stopped.summary());
      locations.remove(jobId);
      rewritten.put(jobId, TraceRecords.line(stopped));
      interrupted++;
    }
    return interrupted;
  }

  private Trace storedTrace(String jobId) throws IOException {
    Location at = locations.get(jobId);
    byte[] payload = RecordLog.readAt(log.segment(at.sequence()), at.offset(), at.length());
    if (payload == null) {
      throw new IOException("the record of job " + jobId + " changed while the store was opening");
    }
    return TraceRecords.trace(payload);
  }

  private static byte[] payloadOf(byte[] line) {
    return RecordLog.payload(line, 0, line.length - 1);
  }

  private static Trace interrupted(Trace t) {
    return new Trace(t.summary().interrupted(), t.traceId(), t.spanId(), t.promptsLogged(), t.spansDropped(), t.inputs(), t.outputs(), t.spans());
  }

  // --- the writer thread -----------------------------------------------------------------------

  private void write(List<Trace> batch) {
    Map<String, Trace> latest = new LinkedHashMap<>();
    for (Trace trace : batch) {
      latest.put(trace.jobId(), trace); // a quick run's start and end: only the end is written
    }
    List<Trace> traces = new ArrayList<>(latest.size());
    List<byte[]> lines = new ArrayList<>(latest.size());
    for (Trace trace : latest.values()) {
      try {
        lines.add(TraceRecords.line(trace));
        traces.add(trace);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "traces: " + e.getMessage());
        pending.remove(trace.jobId(), trace);
      }
    }
    try {
      if (segmentDamaged) {
        compact(List.of(log.segment(sequence)), Map.of());
      }
      RecordLog.writeAll(channel, lines);
      channel.force(false);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "traces: cannot write " + traces.size() + " trace(s) to " + log.dir() + ": " + e.getMessage());
      segmentDamaged = true;
      traces.forEach(trace -> pending.remove(trace.jobId(), trace));
      return;
    }
    for (int i = 0; i < traces.size(); i++) {
      Trace trace = traces.get(i);
      int length = lines.get(i).length;
      Location previous = locations.put(trace.jobId(), new Location(sequence, segmentBytes, length));
      liveBytes += length - (previous == null ? 0 : previous.length());
      segmentBytes += length;
      if (trace.summary().status() != RunStatus.RUNNING) {
        finished.add(Finished.of(trace.summary()));
      }
      pending.remove(trace.jobId(), trace);
    }
    applyRetention();
    compactIfDue();
  }

  /** Forgets stored finished traces beyond the count limit or older than the age limit (oldest first). */
  private void applyRetention() {
    Instant oldest = clock.instant().minus(retention.maxAge());
    while (!finished.isEmpty() && (finished.size() > retention.maxCount() || finished.first().startedAt().isBefore(oldest))) {
      String jobId = finished.pollFirst().jobId();
      summaries.remove(jobId);
      Location at = locations.remove(jobId);
      if (at != null) {
        liveBytes -= at.length();
      }
    }
  }

  /**
   * Rewrites the log when it is over the size limit and twice what it holds alive, and at most a
   * minute after retention removed a trace, so that removed traces leave the disk too.
   */
  private void compactIfDue() {
    boolean large = segmentBytes > Math.max(compactAfterBytes, 2 * liveBytes);
    boolean removedAWhileAgo = segmentBytes > liveBytes && System.nanoTime() - lastCompaction > RETENTION_CHECK.toNanos();
    if (large || removedAWhileAgo) {
      try {
        compact(List.of(log.segment(sequence)), Map.of());
      } catch (IOException e) {
        LOG.log(Level.WARNING, "traces: compaction failed, the log keeps growing: " + e.getMessage());
      }
    }
  }

  /**
   * Copies the live records of {@code old} and the {@code rewritten} ones into a new segment,
   * switches to it and deletes {@code old}.
   */
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
    if (channel != null) {
      channel.close();
    }
    channel = fresh;
    sequence = next;
    segmentBytes = size[0];
    liveBytes = size[0];
    segmentDamaged = false;
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
