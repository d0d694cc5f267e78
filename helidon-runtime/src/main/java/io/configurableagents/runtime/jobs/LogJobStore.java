package io.configurableagents.runtime.jobs;

import io.configurableagents.core.WorkflowException;
import io.configurableagents.runtime.store.GroupCommitWriter;
import io.configurableagents.runtime.store.RecordLog;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
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
 * The embedded job store: an append-only log under a directory, with group commit. Reads come from
 * memory. One writer thread takes every record saved since its last write, appends them in one
 * write, forces them to disk once, and only then completes their futures; so a burst of thousands
 * of saves costs one {@code fsync}. A record is a checksummed line ({@link RecordLog}): a crash in the
 * middle of a write leaves at most a damaged last line, which is skipped on the next start. When
 * the log holds many superseded records it is rewritten as a new segment (temp file, fsync, atomic
 * rename), keeping only the latest record of each job that retention keeps.
 */
public final class LogJobStore implements JobStore {
  private static final System.Logger LOG = System.getLogger(LogJobStore.class.getName());
  private static final long MIN_RECORDS_BEFORE_COMPACTION = 50_000;
  private static final Duration RETENTION_CHECK = Duration.ofSeconds(30);

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final RecordLog log;
  private final Retention retention;
  private final Clock clock;
  /** What the log holds, by job: the latest record written, as a job and as its encoded line. */
  private final Map<String, Stored> durable = new LinkedHashMap<>();
  private final ArrayDeque<Job> finishedOrder = new ArrayDeque<>();
  private final GroupCommitWriter<Entry> writer;
  private final Recovery recovery;
  private FileChannel channel;
  private long sequence;
  private long recordsInSegment;
  private volatile boolean closed;

  /** What opening the store found: for the start-up log. */
  public record Recovery(int jobs, int interrupted, int damagedRecords) {}

  private record Entry(Job job, CompletableFuture<Void> written) {}

  private record Stored(Job job, byte[] line) {}

  private LogJobStore(Path dir, Retention retention, Clock clock) throws IOException {
    this.log = new RecordLog(Files.createDirectories(dir), JobLog.PREFIX);
    this.retention = retention;
    this.clock = clock;
    List<Path> segments = log.segments();
    JobLog.Replay replay = JobLog.read(segments);
    int interrupted = restore(replay.jobs());
    sequence = segments.isEmpty() ? 1 : log.sequence(segments.getLast()) + 1;
    compact(segments);
    recovery = new Recovery(jobs.size(), interrupted, replay.damaged());
    writer = new GroupCommitWriter<>("job-store-writer", RETENTION_CHECK, new GroupCommitWriter.Batches<>() {
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
    try {
      return new LogJobStore(dir, retention, clock);
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
    return List.of("jobs in " + log.dir() + ": " + recovery.jobs() + " kept, " + recovery.interrupted() + " marked interrupted by restart"
        + (recovery.damagedRecords() > 0 ? ", " + recovery.damagedRecords() + " damaged record(s) skipped" : ""));
  }

  @Override
  public CompletableFuture<Void> save(Job job) {
    if (closed) {
      return CompletableFuture.failedFuture(new WorkflowException("the job store is closed"));
    }
    jobs.put(job.id(), job);
    Entry entry = new Entry(job, new CompletableFuture<>());
    writer.submit(entry);
    return entry.written();
  }

  @Override
  public Optional<Job> find(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    writer.close();
    try {
      channel.close();
    } catch (IOException e) {
      // nothing left to write
    }
  }

  private int restore(List<Job> replayed) {
    Map<String, Job> latest = new LinkedHashMap<>();
    for (Job job : replayed) {
      latest.put(job.id(), job);
    }
    int interrupted = 0;
    Instant now = clock.instant();
    for (Map.Entry<String, Job> e : latest.entrySet()) {
      if (!e.getValue().isFinished()) {
        e.setValue(e.getValue().finished(new JobState.Failed(JobError.interruptedByRestart()), now));
        interrupted++;
      }
    }
    latest.values().forEach(job -> durable.put(job.id(), new Stored(job, JobLog.encode(job))));
    latest.values().stream()
        .sorted(Comparator.comparing(j -> j.completedAt().orElseThrow()))
        .forEach(finishedOrder::add);
    applyRetention();
    durable.values().forEach(stored -> jobs.put(stored.job().id(), stored.job()));
    return interrupted;
  }

  /**
   * Writes the latest record of each job in {@code batch} (a quick run's pending, running and
   * finished records often come in one batch: only the last is encoded and written), forces them to
   * disk, then completes every save of the batch.
   */
  private void write(List<Entry> batch) {
    Map<String, Job> latest = new LinkedHashMap<>();
    batch.forEach(entry -> latest.put(entry.job().id(), entry.job()));
    List<Stored> records = new ArrayList<>(latest.size());
    Map<String, RuntimeException> unwritable = new HashMap<>();
    for (Job job : latest.values()) {
      try {
        records.add(new Stored(job, JobLog.encode(job)));
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, e.getMessage());
        unwritable.put(job.id(), e);
      }
    }
    try {
      RecordLog.writeAll(channel, records.stream().map(Stored::line).toList());
      channel.force(false);
    } catch (IOException | RuntimeException e) {
      WorkflowException failure = new WorkflowException("cannot write the job store in " + log.dir() + ": " + e.getMessage(), e);
      LOG.log(Level.ERROR, failure.getMessage());
      batch.forEach(entry -> entry.written().completeExceptionally(failure));
      return;
    }
    recordsInSegment += records.size();
    for (Stored record : records) {
      Stored previous = durable.put(record.job().id(), record);
      if (record.job().isFinished() && (previous == null || !previous.job().isFinished())) {
        finishedOrder.add(record.job());
      }
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
        && (finishedOrder.size() > retention.maxCount()
            || finishedOrder.peekFirst().completedAt().orElseThrow().isBefore(oldest))) {
      Job evicted = finishedOrder.removeFirst();
      durable.remove(evicted.id());
      jobs.remove(evicted.id(), evicted);
    }
  }

  private void compactIfDue() {
    if (recordsInSegment > Math.max(MIN_RECORDS_BEFORE_COMPACTION, 2L * durable.size())) {
      try {
        compact(List.of(log.segment(sequence - 1)));
      } catch (IOException e) {
        LOG.log(Level.WARNING, "job store: compaction failed, the log keeps growing: " + e.getMessage());
      }
    }
  }

  /** Writes the live jobs as a new segment, switches to it and deletes {@code old}. */
  private void compact(List<Path> old) throws IOException {
    FileChannel next = log.writeSegment(sequence++, durable.values().stream().map(Stored::line).toList());
    if (channel != null) {
      channel.close();
    }
    channel = next;
    recordsInSegment = durable.size();
    for (Path segment : old) {
      Files.deleteIfExists(segment);
    }
  }
}
