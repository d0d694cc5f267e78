package io.configurableagents.runtime.jobs;

import io.configurableagents.core.WorkflowException;
import io.configurableagents.runtime.store.GroupCommitWriter;
import io.configurableagents.runtime.store.KeyedLog;
import io.configurableagents.runtime.store.RecordLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded job store: an append-only log under a directory, with group commit. One writer
 * thread takes every record saved since its last write, appends them, forces them to disk once,
 * and only then completes their futures; so a burst of thousands of saves costs one {@code fsync}.
 * A record is a checksummed line ({@link RecordLog}): a crash in the middle of a write leaves at
 * most a damaged last line, which is skipped on the next start.
 *
 * <p>Memory holds a {@link JobSummary} of each job kept (its state and times, not a completed
 * job's outputs) and the jobs saved but not yet written; a completed job's outputs are read back
 * from its record when it is asked for. When the log holds many superseded records it is rewritten
 * as a new segment (temp file, fsync, atomic rename) with only the latest record of each job that
 * retention keeps. A write that fails stops the process ({@link GroupCommitWriter}): a store that
 * cannot make jobs durable cannot answer for them.
 */
public final class LogJobStore implements JobStore {
  private static final System.Logger LOG = System.getLogger(LogJobStore.class.getName());
  private static final long COMPACT_AFTER_BYTES = 64L << 20;
  private static final Duration RETENTION_CHECK = Duration.ofSeconds(30);

  /** Where the log is, for the start-up log. */
  private final Path dir;
  private final KeyedLog log;
  private final Retention retention;
  private final Clock clock;
  /** Saved, not yet on disk: the whole job, until the writer has written it. */
  private final Map<String, Job> unwritten = new ConcurrentHashMap<>();
  /** On disk: the summary of each job's latest record. */
  private final Map<String, JobSummary> kept = new ConcurrentHashMap<>();
  /** The finished jobs kept, in the order retention removes them (the writer thread's). */
  private final ArrayDeque<Finished> finishedOrder = new ArrayDeque<>();
  private final Recovery recovery;
  private final GroupCommitWriter<Entry> writer;
  private volatile boolean closed;

  /** What opening the store found: for the start-up log. */
  public record Recovery(int jobs, int interrupted, int damagedRecords) {}

  private record Entry(Job job, CompletableFuture<Void> written) {}

  private record Finished(String id, Instant completedAt) {
    static Finished of(JobSummary job) {
      return new Finished(job.id(), job.completedAt().orElseThrow());
    }
  }

  private LogJobStore(Path dir, Retention retention, Clock clock, long compactAfterBytes) throws IOException {
    this.dir = dir;
    this.log = new KeyedLog(new RecordLog(Files.createDirectories(dir), JobLog.PREFIX), compactAfterBytes, Optional.empty());
    this.retention = retention;
    this.clock = clock;
    this.recovery = open();
    this.writer = new GroupCommitWriter<>("job-store-writer", RETENTION_CHECK, new GroupCommitWriter.Batches<>() {
      @Override
      public void write(List<Entry> batch) {
        LogJobStore.this.write(batch);
        compactIfDue();
      }

      @Override
      public void idle() {
        applyRetention();
        compactIfDue();
      }
    });
  }

  /**
   * Opens (or creates) the store in {@code dir}. Jobs that were not finished when the last process
   * stopped are recorded as failed, "interrupted by restart".
   */
  public static LogJobStore open(Path dir, Retention retention, Clock clock) {
    return open(dir, retention, clock, COMPACT_AFTER_BYTES);
  }

  /** With the log rewritten once it is over {@code compactAfterBytes} and twice what the kept jobs take. */
  static LogJobStore open(Path dir, Retention retention, Clock clock, long compactAfterBytes) {
    try {
      return new LogJobStore(dir, retention, clock, compactAfterBytes);
    } catch (IOException e) {
      throw new WorkflowException(
          "cannot open the job store in " + dir + ": " + e.getMessage()
              + " (check that DATA_DIR names a writable directory)", e);
    }
  }

  public Recovery recovery() {
    return recovery;
  }

  @Override
  public List<String> describe() {
    return List.of("jobs in " + dir + ": " + recovery.jobs() + " kept, " + recovery.interrupted() + " marked interrupted by restart"
        + (recovery.damagedRecords() > 0 ? ", " + recovery.damagedRecords() + " damaged record(s) skipped" : ""));
  }

  @Override
  public CompletableFuture<Void> save(Job job) {
    if (closed || !writer.running()) {
      return CompletableFuture.failedFuture(new WorkflowException("the job store is closed"));
    }
    unwritten.put(job.id(), job);
    Entry entry = new Entry(job, new CompletableFuture<>());
    writer.submit(entry);
    return entry.written();
  }

  /** A completed job's outputs come from its record on disk. */
  @Override
  public Optional<Job> find(String id) {
    Job waiting = unwritten.get(id);
    if (waiting != null) {
      return Optional.of(waiting);
    }
    JobSummary summary = kept.get(id);
    if (summary == null) {
      return Optional.empty();
    }
    Optional<Job> whole = summary.job();
    return whole.isPresent() ? whole : readBack(id);
  }

  @Override
  public List<JobSummary> summaries() {
    return List.copyOf(kept.values());
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    writer.close();
    try {
      log.close();
    } catch (IOException e) {
      // nothing left to write
    }
  }

  private Optional<Job> readBack(String id) {
    try {
      byte[] payload = log.payload(id);
      return payload == null ? Optional.empty() : Optional.of(JobLog.decode(payload));
    } catch (IOException e) {
      throw new WorkflowException("cannot read job " + id + " from the job store in " + log.recordLog().dir() + ": " + e.getMessage(), e);
    }
  }

  // --- opening ---------------------------------------------------------------------------------

  private Recovery open() throws IOException {
    List<Path> segments = log.recordLog().segments();
    int damaged = JobLog.read(segments, (summary, segment, offset, length) -> {
      kept.put(summary.id(), summary);
      log.found(summary.id(), segment, offset, length);
    });
    List<JobSummary> unfinished = kept.values().stream().filter(job -> !job.isFinished()).toList();
    kept.values().stream()
        .filter(JobSummary::isFinished)
        .map(Finished::of)
        .sorted(Comparator.comparing(Finished::completedAt))
        .forEach(finishedOrder::add);
    applyRetention();
    log.start(segments);
    // the new records come after the old ones: a crash before they are on disk finds the old ones again
    Instant now = clock.instant();
    for (JobSummary job : unfinished) {
      Job interrupted = job.job().orElseThrow().finished(new JobState.Failed(JobError.interruptedByRestart()), now);
      log.append(interrupted.id(), JobLog.encode(interrupted));
      kept.put(interrupted.id(), JobSummary.of(interrupted));
      finishedOrder.add(Finished.of(JobSummary.of(interrupted)));
    }
    log.force();
    applyRetention();
    return new Recovery(kept.size(), unfinished.size(), damaged);
  }

  // --- the writer thread -----------------------------------------------------------------------

  /**
   * Writes the latest record of each job in {@code batch} (a quick run's pending, running and
   * finished records often come in one batch: only the last is encoded and written), one record
   * in memory at a time, forces them to disk, then completes every save of the batch.
   */
  private void write(List<Entry> batch) {
    Map<String, Job> latest = new LinkedHashMap<>();
    batch.forEach(entry -> latest.put(entry.job().id(), entry.job()));
    List<Job> written = new ArrayList<>(latest.size());
    Map<String, RuntimeException> unwritable = new HashMap<>();
    try {
      for (Job job : latest.values()) {
        byte[] line;
        try {
          line = JobLog.encode(job);
        } catch (RuntimeException e) {
          LOG.log(Level.ERROR, e.getMessage());
          unwritable.put(job.id(), e);
          unwritten.remove(job.id(), job);
          continue;
        }
        log.append(job.id(), line);
        written.add(job);
      }
      log.force();
    } catch (IOException e) {
      String message = "cannot write the job store in " + log.recordLog().dir() + ": " + e.getMessage();
      WorkflowException failure = new WorkflowException(message, e);
      batch.forEach(entry -> entry.written().completeExceptionally(failure));
      throw new UncheckedIOException(message, e);
    }
    for (Job job : written) {
      JobSummary previous = kept.put(job.id(), JobSummary.of(job));
      if (job.isFinished() && (previous == null || !previous.isFinished())) {
        finishedOrder.add(new Finished(job.id(), job.completedAt().orElseThrow()));
      }
      unwritten.remove(job.id(), job);
    }
    applyRetention();
    for (Entry entry : batch) {
      RuntimeException failure = unwritable.get(entry.job().id());
      if (failure == null) {
        entry.written().complete(null);
      } else {
        entry.written().completeExceptionally(failure);
      }
    }
  }

  private void applyRetention() {
    Instant oldest = clock.instant().minus(retention.maxAge());
    while (!finishedOrder.isEmpty()
        && (finishedOrder.size() > retention.maxCount() || finishedOrder.peekFirst().completedAt().isBefore(oldest))) {
      String evicted = finishedOrder.removeFirst().id();
      kept.remove(evicted);
      log.forget(evicted);
    }
  }

  private void compactIfDue() {
    try {
      log.compactIfDue();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "job store: compaction failed, the log keeps growing: " + e.getMessage());
    }
  }
}
