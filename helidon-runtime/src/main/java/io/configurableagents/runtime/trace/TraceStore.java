package io.configurableagents.runtime.trace;

import java.io.IOException;
import io.configurableagents.core.WorkflowException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Traces on disk (one file per run under {@code DATA_DIR/traces}), with their summaries in memory.
 * A trace handed over is readable at once; a background thread writes it and then applies the
 * retention. Opening the store marks the runs a stop interrupted.
 */
public final class TraceStore implements TraceSink, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(TraceStore.class.getName());

  private final TraceFiles files;
  private final TraceRetention retention;
  private final Clock clock;
  private final Map<String, TraceSummary> summaries = new ConcurrentHashMap<>();
  private final Map<String, Trace> pending = new ConcurrentHashMap<>();
  private final LinkedBlockingQueue<String> toWrite = new LinkedBlockingQueue<>();
  /** Queued after the last trace by {@link #close}: the writer stops when it reaches it. */
  private static final String STOP = new String("stop");

  private final Thread writer;
  private final Recovery recovery;
  private volatile boolean closed;

  /**
   * What opening found.
   *
   * @param interrupted runs that were going when the process stopped
   * @param damaged files that could not be read (left in place)
   */
  public record Recovery(int traces, int interrupted, int damaged) {}

  private TraceStore(Path dir, TraceRetention retention, Clock clock) throws IOException {
    this.files = new TraceFiles(Files.createDirectories(dir));
    this.retention = retention;
    this.clock = clock;
    files.deleteLeftovers();
    this.recovery = load();
    applyRetention();
    this.writer = Thread.ofPlatform().daemon().name("traces-store").start(this::writeLoop);
  }

  public static TraceStore open(Path dir, TraceRetention retention, Clock clock) {
    try {
      return new TraceStore(dir, retention, clock);
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
    summaries.put(trace.jobId(), trace.summary());
    pending.put(trace.jobId(), trace);
    toWrite.add(trace.jobId());
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
    if (!summaries.containsKey(jobId)) {
      return Optional.empty();
    }
    try {
      return Optional.of(files.read(files.fileOf(jobId)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Writes what is pending, then stops the writer. */
  @Override
  public void close() {
    closed = true;
    toWrite.add(STOP);
    try {
      writer.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pending.keySet().forEach(this::writePending);
  }

  private void writeLoop() {
    while (true) {
      try {
        String jobId = toWrite.take();
        if (jobId == STOP) {
          return;
        }
        writePending(jobId);
        applyRetention();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "traces: " + e.getMessage());
      }
    }
  }

  private void writePending(String jobId) {
    Trace trace = pending.get(jobId);
    if (trace == null) {
      return;
    }
    try {
      files.write(trace);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "traces: cannot write the trace of job " + jobId + " to " + files.dir() + ": " + e.getMessage());
    }
    pending.remove(jobId, trace);
  }

  private Recovery load() throws IOException {
    int interrupted = 0;
    int damaged = 0;
    for (Path file : files.all()) {
      try {
        TraceSummary summary = files.readSummary(file);
        if (summary.status() == RunStatus.RUNNING) {
          Trace stopped = interrupted(files.read(file));
          files.write(stopped);
          summary = stopped.summary();
          interrupted++;
        }
        summaries.put(summary.jobId(), summary);
      } catch (IOException | RuntimeException e) {
        damaged++;
        LOG.log(Level.WARNING, "traces: skipped " + file + ", which cannot be read: " + e.getMessage());
      }
    }
    return new Recovery(summaries.size(), interrupted, damaged);
  }

  private static Trace interrupted(Trace t) {
    return new Trace(t.summary().interrupted(), t.traceId(), t.spanId(), t.promptsLogged(), t.spansDropped(), t.inputs(), t.outputs(), t.spans());
  }

  /** Deletes finished traces older than the age limit or beyond the count limit (oldest first). */
  private void applyRetention() {
    Instant oldest = clock.instant().minus(retention.maxAge());
    List<TraceSummary> done = summaries().stream().filter(s -> s.status() != RunStatus.RUNNING).toList();
    for (int i = 0; i < done.size(); i++) {
      TraceSummary s = done.get(i);
      if (i >= retention.maxCount() || s.startedAt().isBefore(oldest)) {
        if (pending.containsKey(s.jobId())) {
          continue;
        }
        summaries.remove(s.jobId());
        files.delete(s.jobId());
      }
    }
  }
}
