package io.configurableagents.runtime.jobs;

import io.configurableagents.core.WorkflowException;
import io.configurableagents.runtime.engine.PreparedInputs;
import io.configurableagents.runtime.engine.RunControl;
import io.configurableagents.runtime.engine.TraceParent;
import io.configurableagents.runtime.store.FatalFailure;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs jobs: every run is a job from its first moment, executed once on its own virtual thread.
 * Callers wait on {@link Submission#finished()} as long as they like; whoever stops waiting leaves
 * the same execution running (there is never a second execution of one submission).
 */
public final class JobService implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(JobService.class.getName());

  private final WorkflowRunner runner;
  private final JobStore store;
  private final Clock clock;
  private final Optional<Semaphore> slots;
  private final ExecutorService executor =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("workflow-job-", 0).factory());
  private final Map<String, ActiveRun> active = new ConcurrentHashMap<>();
  private volatile boolean accepting = true;

  /**
   * A job just accepted. {@code accepted} completes when it is durable; {@code ended} the moment its
   * outcome is decided, before anyone can read it (what the job held can be given back then);
   * {@code finished} when its outcome is durable too.
   */
  public record Submission(
      String jobId, CompletableFuture<Void> accepted, CompletableFuture<Void> ended, CompletableFuture<Job> finished) {}

  /** Thrown by {@link #submit} once shutdown has begun. */
  public static final class NotAcceptingException extends WorkflowException {
    private static final long serialVersionUID = 1L;

    NotAcceptingException() {
      super("the server is shutting down and accepts no new runs; retry against another instance or after the restart");
    }
  }

  private static final class ActiveRun {
    final RunControl control = RunControl.create();
    final CompletableFuture<Void> ended = new CompletableFuture<>();
    final CompletableFuture<Job> finished = new CompletableFuture<>();
    Job job;
    Future<?> future;

    ActiveRun(Job job) {
      this.job = job;
    }
  }

  public JobService(WorkflowRunner runner, JobStore store, OptionalInt maxRunsInFlight, Clock clock) {
    this.runner = runner;
    this.store = store;
    this.clock = clock;
    this.slots = maxRunsInFlight.isPresent() ? Optional.of(new Semaphore(maxRunsInFlight.getAsInt())) : Optional.empty();
    store.onCancelled(this::cancelledElsewhere);
  }

  /** Creates the job and starts its one execution, outside any caller's trace. */
  public Submission submit(PreparedInputs inputs) {
    return submit(inputs, Optional.empty());
  }

  /** Creates the job and starts its one execution; its trace is a child of {@code traceParent} when given. */
  public Submission submit(PreparedInputs inputs, Optional<TraceParent> traceParent) {
    if (!accepting) {
      throw new NotAcceptingException();
    }
    if (store.unavailable().isPresent()) {
      throw new JobStoreUnavailableException();
    }
    Job job = Job.pending(UUID.randomUUID().toString(), clock.instant());
    ActiveRun run = new ActiveRun(job);
    active.put(job.id(), run);
    CompletableFuture<Void> accepted = store.save(job);
    try {
      synchronized (run) {
        run.future = executor.submit(() -> execute(run, inputs, traceParent));
      }
    } catch (RejectedExecutionException e) {
      // shutdown began between the check above and here
      finish(run, new JobState.Failed(JobError.interruptedByShutdown()));
      throw new NotAcceptingException();
    }
    return new Submission(job.id(), accepted, run.ended, run.finished);
  }

  public Optional<Job> find(String id) {
    ActiveRun run = active.get(id);
    if (run != null) {
      synchronized (run) {
        return Optional.of(run.job);
      }
    }
    return store.find(id);
  }

  /**
   * Cancels a pending or running job: it ends as cancelled at once and its execution is abandoned
   * (by the replica that runs it, when that is another one). A finished job is left as it is.
   * Empty for an unknown id.
   */
  public Optional<Job> cancel(String id) {
    ActiveRun run = active.get(id);
    if (run == null) {
      return store.cancel(id, clock.instant());
    }
    Optional<Job> cancelled = finish(run, JobState.CANCELLED);
    cancelled.ifPresent(ignored -> abandon(run));
    return cancelled.or(() -> find(id));
  }

  /** Why the job store cannot take runs now; empty when it can. */
  public Optional<String> storeUnavailable() {
    return store.unavailable();
  }

  /** Whether new runs are accepted (false once shutdown has begun). */
  public boolean accepting() {
    return accepting;
  }

  public int runsInFlight() {
    return active.size();
  }

  /**
   * Stops accepting runs, lets the runs in flight finish within {@code grace}, then records the rest
   * as failed ("interrupted by shutdown") and abandons them. The store stays open.
   */
  public void shutdown(Duration grace) {
    accepting = false;
    executor.shutdown();
    try {
      executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<CompletableFuture<Job>> interrupted = new ArrayList<>();
    for (ActiveRun run : active.values()) {
      finish(run, new JobState.Failed(JobError.interruptedByShutdown()));
      abandon(run);
      interrupted.add(run.finished);
    }
    CompletableFuture.allOf(interrupted.toArray(CompletableFuture[]::new)).orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
  }

  @Override
  public void close() {
    shutdown(Duration.ZERO);
  }

  private void execute(ActiveRun run, PreparedInputs inputs, Optional<TraceParent> traceParent) {
    boolean slotTaken = false;
    try {
      if (slots.isPresent()) {
        slots.get().acquire();
        slotTaken = true;
      }
      if (!start(run)) {
        return;
      }
      finish(run, runSafely(run, inputs, traceParent));
    } catch (InterruptedException e) {
      // cancelled or shut down while waiting for a slot; the job's state is already recorded
    } finally {
      if (slotTaken) {
        slots.get().release();
      }
    }
  }

  private boolean start(ActiveRun run) {
    synchronized (run) {
      if (run.job.isFinished()) {
        return false;
      }
      run.job = run.job.started(clock.instant());
      store.save(run.job);
      return true;
    }
  }

  /**
   * Runs the job; an exception or a stack overflow fails it. Another {@link VirtualMachineError}
   * (out of memory) fails it too, and stops the process ({@link FatalFailure}): it cannot be
   * trusted to serve on.
   */
  private JobState.Terminal runSafely(ActiveRun run, PreparedInputs inputs, Optional<TraceParent> traceParent) {
    try {
      return runner.run(run.job.id(), inputs, traceParent, run.control);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.log(Level.ERROR, "job " + run.job.id() + " failed unexpectedly", e);
      return internalError(run);
    } catch (VirtualMachineError e) {
      FatalFailure.stopProcess("job " + run.job.id(), e);
      return internalError(run);
    }
  }

  private static JobState.Failed internalError(ActiveRun run) {
    return new JobState.Failed(
        new JobError(
            "internal_error",
            Optional.empty(),
            "the run failed unexpectedly; the server log has the details (job " + run.job.id() + ")",
            false));
  }

  /** Records the outcome unless the job already has one; returns the finished job if this call finished it. */
  private Optional<Job> finish(ActiveRun run, JobState.Terminal outcome) {
    Job finished;
    synchronized (run) {
      if (run.job.isFinished()) {
        return Optional.empty();
      }
      finished = run.job.finished(outcome, clock.instant());
      run.ended.complete(null);
      run.job = finished;
    }
    store.save(finished).whenComplete((ignored, failure) -> {
      active.remove(finished.id(), run);
      Throwable cause = failure instanceof CompletionException e && e.getCause() != null ? e.getCause() : failure;
      if (cause instanceof JobAlreadyFinishedException elsewhere) {
        // another replica finished it first (a cancel there, or this replica's lease expired): every replica shows that
        run.finished.complete(elsewhere.stored());
        return;
      }
      if (cause != null) {
        LOG.log(Level.WARNING, "job " + finished.id() + " finished but could not be stored: " + cause.getMessage());
      }
      run.finished.complete(finished);
    });
    return Optional.of(finished);
  }

  /** Another replica cancelled a job that runs here: it ends as the store has it, and its execution is abandoned. */
  private void cancelledElsewhere(String id) {
    ActiveRun run = active.get(id);
    if (run != null && finish(run, JobState.CANCELLED).isPresent()) {
      abandon(run);
    }
  }

  private static void abandon(ActiveRun run) {
    Future<?> future;
    synchronized (run) {
      future = run.future;
    }
    if (future != null) {
      future.cancel(true);
    }
    try {
      run.control.cancel();
    } catch (RuntimeException e) {
      // the thread is interrupted anyway; a failing cancel must not fail the caller's request
      LOG.log(Level.DEBUG, "cancelling job " + run.job.id() + ": " + e.getMessage());
    }
  }
}
