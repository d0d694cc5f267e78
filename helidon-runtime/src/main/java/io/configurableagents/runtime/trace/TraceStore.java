package io.configurableagents.runtime.trace;

import io.configurableagents.core.WorkflowException;
import io.configurableagents.runtime.store.GroupCommitWriter;
import io.configurableagents.runtime.store.KeyedLog;
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
import java.util.concurrent.Semaphore;

/**
 * Traces on disk, with their summaries in memory: an append-only log of checksummed records
 * ({@link RecordLog}, segments {@code traces-<seq>.log} under {@code DATA_DIR/traces}, kept by a
 * {@link KeyedLog}) with group commit. A trace handed over is readable at once; one writer thread
 * appends every trace handed over since its last write and forces them to disk once, so thousands
 * of runs a second cost a few {@code fsync}s. At most {@link #MAX_UNWRITTEN} traces wait for the
 * writer: beyond that, handing one over waits for room (memory stays bounded when the disk is
 * slower than the runs). A crash leaves at most a damaged last record, which the next start
 * skips. Opening the store marks the runs a stop interrupted, makes a trace for each job a crash
 * left without one ({@link LostRuns}), and imports the {@code <job>.json} files of earlier versions.
 */
public final class TraceStore implements TraceSink, AutoCloseable {
  static final int MAX_UNWRITTEN = 1_024;
  private static final System.Logger LOG = System.getLogger(TraceStore.class.getName());
  private static final long COMPACT_AFTER_BYTES = 64L << 20;
  private static final Duration RETENTION_CHECK = Duration.ofMinutes(1);

  private final KeyedLog log;
  private final TraceRetention retention;
  private final Clock clock;
  private final Map<String, TraceSummary> summaries = new ConcurrentHashMap<>();
  /** Handed over, not yet on disk. */
  private final Map<String, Trace> pending = new ConcurrentHashMap<>();
  private final Semaphore room = new Semaphore(MAX_UNWRITTEN);
  /** The stored finished traces, in the order retention removes them (the writer thread's). */
  private final TreeSet<Finished> finished = new TreeSet<>();
  private final Recovery recovery;
  private final GroupCommitWriter<Trace> writer;
  private volatile boolean closed;

  /**
   * What opening found.
   *
   * @param interrupted runs that were going when the process stopped
   * @param rebuilt traces made from the job store for jobs a crash left without one
   * @param damaged records or files that could not be read (files are left in place)
   */
  public record Recovery(int traces, int interrupted, int rebuilt, int damaged) {}

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

  private TraceStore(Path dir, TraceRetention retention, Clock clock, long compactAfterBytes, LostRuns lost) throws IOException {
    this.log = new KeyedLog(new RecordLog(Files.createDirectories(dir), TraceRecords.PREFIX), compactAfterBytes, Optional.of(RETENTION_CHECK));
    this.retention = retention;
    this.clock = clock;
    this.recovery = open(lost);
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
    return open(dir, retention, clock, COMPACT_AFTER_BYTES, LostRuns.NONE);
  }

  /** Opening also makes a trace for each job of {@code lost} without one. */
  static TraceStore open(Path dir, TraceRetention retention, Clock clock, LostRuns lost) {
    return open(dir, retention, clock, COMPACT_AFTER_BYTES, lost);
  }

  /** With the log rewritten once it is over {@code compactAfterBytes} and twice the live traces. */
  static TraceStore open(Path dir, TraceRetention retention, Clock clock, long compactAfterBytes) {
    return open(dir, retention, clock, compactAfterBytes, LostRuns.NONE);
  }

  private static TraceStore open(Path dir, TraceRetention retention, Clock clock, long compactAfterBytes, LostRuns lost) {
    try {
      return new TraceStore(dir, retention, clock, compactAfterBytes, lost);
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

  /** Hands the trace to the writer; waits only while {@link #MAX_UNWRITTEN} traces wait for it. */
  @Override
  public void finished(Trace trace) {
    if (closed) {
      return;
    }
    room.acquireUninterruptibly();
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
      byte[] payload = log.payload(jobId);
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
      log.close();
    } catch (IOException e) {
      // everything was forced to disk after its write
    }
  }

  // --- opening ---------------------------------------------------------------------------------

  /**
   * Reads the summaries, decides what is kept (the runs a stop interrupted, the files of earlier
   * versions and the lost runs count for retention like any), starts the log, then appends the new
   * records one at a time (after the old ones: a crash before they are on disk finds the old ones
   * again) and forces them to disk.
   */
  private Recovery open(LostRuns lost) throws IOException {
    List<Path> existing = log.recordLog().segments();
    int damaged = replay(existing);
    Map<String, Path> legacy = new LinkedHashMap<>();
    List<Path> imported = new ArrayList<>();
    damaged += findLegacy(legacy, imported);
    List<String> interrupted = summaries.values().stream().filter(s -> s.status() == RunStatus.RUNNING).map(TraceSummary::jobId).toList();
    interrupted.forEach(jobId -> summaries.computeIfPresent(jobId, (id, s) -> s.interrupted()));
    List<TraceSummary> rebuilt = lost.without(summaries::containsKey);
    rebuilt.forEach(s -> summaries.put(s.jobId(), s));
    summaries.values().stream().map(Finished::of).forEach(finished::add);
    applyRetention();
    log.start(existing);

    int marked = 0;
    for (String jobId : interrupted) {
      if (summaries.containsKey(jobId)) {
        Trace stopped = readOrForget(jobId, () -> interrupted(TraceRecords.trace(log.payload(jobId))));
        marked += stopped == null ? 0 : 1;
        damaged += stopped == null ? 1 : 0;
      }
    }
    for (Map.Entry<String, Path> file : legacy.entrySet()) {
      if (summaries.containsKey(file.getKey())) {
        damaged += readOrForget(file.getKey(), () -> TraceRecords.readLegacy(file.getValue())) == null ? 1 : 0;
      }
    }
    int made = 0;
    for (TraceSummary summary : rebuilt) {
      if (summaries.containsKey(summary.jobId())) {
        made += readOrForget(summary.jobId(), () -> lost.trace(summary)) == null ? 0 : 1;
      }
    }
    log.force();
    for (Path file : imported) {
      Files.deleteIfExists(file);
    }
    return new Recovery(summaries.size(), marked, made, damaged);
  }

  private interface TraceSource {
    Trace read() throws IOException;
  }

  /** Appends the trace {@code source} gives; when it cannot be read, forgets the run and returns null. */
  private Trace readOrForget(String jobId, TraceSource source) throws IOException {
    Trace trace;
    try {
      trace = source.read();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "traces: skipped the trace of job " + jobId + ", which cannot be read: " + e.getMessage());
      TraceSummary summary = summaries.remove(jobId);
      if (summary != null) {
        finished.remove(Finished.of(summary));
      }
      log.forget(jobId);
      return null;
    }
    log.append(jobId, TraceRecords.line(trace));
    return trace;
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
          log.found(summary.jobId(), segment, offset, length);
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

  /**
   * Finds the traces of the one-file-per-run layout ({@code legacy}, by job, summaries read) and
   * the files to delete once they are in the log ({@code imported}); unreadable files stay.
   */
  private int findLegacy(Map<String, Path> legacy, List<Path> imported) throws IOException {
    int damaged = 0;
    for (Path file : TraceRecords.legacyFiles(log.recordLog().dir())) {
      if (TraceRecords.isTemporary(file)) {
        imported.add(file);
        continue;
      }
      try {
        TraceSummary summary = TraceRecords.readLegacy(file).summary();
        if (!summaries.containsKey(summary.jobId())) {
          summaries.put(summary.jobId(), summary);
          legacy.put(summary.jobId(), file);
        }
        imported.add(file);
      } catch (IOException | RuntimeException e) {
        damaged++;
        LOG.log(Level.WARNING, "traces: skipped " + file + ", which cannot be read: " + e.getMessage());
      }
    }
    return damaged;
  }

  private static Trace interrupted(Trace t) {
    return new Trace(t.summary().interrupted(), t.traceId(), t.spanId(), t.parentSpanId(), t.promptsLogged(), t.spansDropped(), t.inputs(), t.outputs(), t.spans());
  }

  // --- the writer thread -----------------------------------------------------------------------

  /** Writes the latest trace of each run in {@code batch}, one record in memory at a time, then forces them to disk. */
  private void write(List<Trace> batch) {
    try {
      Map<String, Trace> latest = new LinkedHashMap<>();
      for (Trace trace : batch) {
        latest.put(trace.jobId(), trace); // a quick run's start and end: only the end is written
      }
      List<Trace> traces = new ArrayList<>(latest.size());
      try {
        for (Trace trace : latest.values()) {
          byte[] line;
          try {
            line = TraceRecords.line(trace);
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "traces: " + e.getMessage());
            pending.remove(trace.jobId(), trace);
            continue;
          }
          log.append(trace.jobId(), line);
          traces.add(trace);
        }
        log.force();
      } catch (IOException e) {
        LOG.log(Level.WARNING, "traces: cannot write " + latest.size() + " trace(s) to " + log.recordLog().dir() + ": " + e.getMessage());
        latest.values().forEach(trace -> pending.remove(trace.jobId(), trace));
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
    } finally {
      room.release(batch.size());
    }
  }

  /** Forgets stored finished traces beyond the count limit or older than the age limit (oldest first). */
  private void applyRetention() {
    Instant oldest = clock.instant().minus(retention.maxAge());
    while (!finished.isEmpty() && (finished.size() > retention.maxCount() || finished.first().startedAt().isBefore(oldest))) {
      String jobId = finished.pollFirst().jobId();
      summaries.remove(jobId);
      log.forget(jobId);
    }
  }

  private void compactIfDue() {
    try {
      log.compactIfDue();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "traces: compaction failed, the log keeps growing: " + e.getMessage());
    }
  }
}
