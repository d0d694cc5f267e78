package io.configurableagents.runtime.trace;

import io.configurableagents.core.WorkflowException;
import io.configurableagents.runtime.store.GroupCommitWriter;
import io.configurableagents.runtime.store.RecordLog;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Traces on disk, with their summaries in memory: an append-only log of checksummed records
 * ({@link RecordLog}, segments {@code traces-<seq>.log} under {@code DATA_DIR/traces}, see {@link
 * TraceSegments}) with group commit. A trace handed over is readable at once; one writer thread
 * appends every trace handed over since its last write in one write and forces them to disk once,
 * so thousands of runs a second cost a few {@code fsync}s. A crash leaves at most a damaged last
 * record, which the next start skips. Opening the store marks the runs a stop interrupted and
 * imports the {@code <job>.json} files of earlier versions.
 */
public final class TraceStore implements TraceSink, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(TraceStore.class.getName());
  private static final long COMPACT_AFTER_BYTES = 64L << 20;
  private static final Duration RETENTION_CHECK = Duration.ofMinutes(1);

  private final RecordLog log;
  private final TraceRetention retention;
  private final Clock clock;
  private final TraceSegments segments;
  private final Map<String, TraceSummary> summaries = new ConcurrentHashMap<>();
  /** Handed over, not yet on disk. */
  private final Map<String, Trace> pending = new ConcurrentHashMap<>();
  /** The stored finished traces, in the order retention removes them (the writer thread's). */
  private final TreeSet<Finished> finished = new TreeSet<>();
  private final Recovery recovery;
  private final GroupCommitWriter<Trace> writer;
  private volatile boolean closed;

  /**
   * What opening found.
   *
   * @param interrupted runs that were going when the process stopped
   * @param damaged records or files that could not be read (files are left in place)
   */
  public record Recovery(int traces, int interrupted, int damaged) {}

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
    this.segments = new TraceSegments(log, compactAfterBytes, RETENTION_CHECK);
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
    try {
      byte[] payload = segments.payload(jobId);
      return payload == null ? Optional.empty() : Optional.of(TraceRecords.trace(payload));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Writes what is pending, then stops the writer. */
  @Override
  public void close() {
    closed = true;
    writer.close();
    try {
      segments.close();
    } catch (IOException e) {
      // everything was forced to disk after its write
    }
  }

  // --- opening ---------------------------------------------------------------------------------

  private Recovery open() throws IOException {
    List<Path> existing = log.segments();
    int damaged = replay(existing);
    Map<String, byte[]> rewritten = new LinkedHashMap<>();
    List<Path> imported = new ArrayList<>();
    damaged += importLegacy(rewritten, imported);
    int[] interrupted = markInterrupted(rewritten);
    damaged += interrupted[1];
    summaries.values().stream().filter(s -> s.status() != RunStatus.RUNNING).map(Finished::of).forEach(finished::add);
    applyRetention();
    rewritten.keySet().retainAll(summaries.keySet());
    segments.start(existing, rewritten);
    for (Path file : imported) {
      Files.deleteIfExists(file);
    }
    return new Recovery(summaries.size(), interrupted[0], damaged);
  }

  /** Reads the summaries of the segments' records (a later record of a run wins); returns how many were damaged. */
  private int replay(List<Path> existing) throws IOException {
    int[] damaged = {0};
    for (Path segment : existing) {
      RecordLog.read(segment, (offset, length, payload) -> {
        TraceSummary summary = payload == null ? null : summaryOrNull(payload);
        if (summary == null) {
          damaged[0]++;
          LOG.log(Level.WARNING, "traces: skipped a damaged record at byte " + offset + " of " + segment);
        } else {
          summaries.put(summary.jobId(), summary);
          segments.found(summary.jobId(), segment, offset, length);
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

  /** Records the runs that were going when the process stopped as interrupted; returns {interrupted, unreadable}. */
  private int[] markInterrupted(Map<String, byte[]> rewritten) {
    int interrupted = 0;
    int unreadable = 0;
    for (TraceSummary summary : List.copyOf(summaries.values())) {
      if (summary.status() != RunStatus.RUNNING) {
        continue;
      }
      String jobId = summary.jobId();
      try {
        byte[] line = rewritten.get(jobId);
        byte[] payload = line != null ? RecordLog.payload(line, 0, line.length - 1) : segments.payload(jobId);
        Trace stopped = interrupted(TraceRecords.trace(payload));
        summaries.put(jobId, stopped.summary());
        rewritten.put(jobId, TraceRecords.line(stopped));
        interrupted++;
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "traces: skipped the trace of job " + jobId + ", which cannot be read: " + e.getMessage());
        summaries.remove(jobId);
        segments.forget(jobId);
        rewritten.remove(jobId);
        unreadable++;
      }
    }
    return new int[] {interrupted, unreadable};
  }

  private static Trace interrupted(Trace t) {
    return new Trace(t.summary().interrupted(), t.traceId(), t.spanId(), t.parentSpanId(), t.promptsLogged(), t.spansDropped(), t.inputs(), t.outputs(), t.spans());
  }

  // --- the writer thread -----------------------------------------------------------------------

  private void write(List<Trace> batch) {
    Map<String, Trace> latest = new LinkedHashMap<>();
    for (Trace trace : batch) {
      latest.put(trace.jobId(), trace); // a quick run's start and end: only the end is written
    }
    List<Trace> traces = new ArrayList<>(latest.size());
    List<String> jobIds = new ArrayList<>(latest.size());
    List<byte[]> lines = new ArrayList<>(latest.size());
    for (Trace trace : latest.values()) {
      try {
        lines.add(TraceRecords.line(trace));
        traces.add(trace);
        jobIds.add(trace.jobId());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "traces: " + e.getMessage());
        pending.remove(trace.jobId(), trace);
      }
    }
    try {
      segments.append(jobIds, lines);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "traces: cannot write " + traces.size() + " trace(s) to " + log.dir() + ": " + e.getMessage());
      traces.forEach(trace -> pending.remove(trace.jobId(), trace));
      return;
    }
    for (Trace trace : traces) {
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
      segments.forget(jobId);
    }
  }

  private void compactIfDue() {
    try {
      segments.compactIfDue();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "traces: compaction failed, the log keeps growing: " + e.getMessage());
    }
  }
}
