package io.configurableagents.runtime.engine;

import java.util.concurrent.CompletableFuture;

/**
 * The caller's handle on one run: cancel it from any thread. Created by the caller and passed to
 * {@link WorkflowEngine#run}. Cancelling abandons the LLM calls in flight at once, ends the run as
 * {@link RunResult.Cancelled}, and nothing runs after it (no node of any branch or item starts).
 * Cancelling before the run starts makes it end at once; cancelling a finished run does nothing.
 */
public final class RunControl {
  private final CompletableFuture<Void> cancelled = new CompletableFuture<>();
  private volatile boolean interrupted;

  private RunControl() {}

  public static RunControl create() {
    return new RunControl();
  }

  /** Asks the run to stop. Returns at once; the run's thread returns its result shortly after. */
  public void cancel() {
    cancelled.complete(null);
  }

  public boolean isCancelled() {
    return cancelled.isDone();
  }

  /** A thread of the run was interrupted: that cancels the run, and the run's thread is re-interrupted at its end. */
  void cancelByInterrupt() {
    interrupted = true;
    cancel();
  }

  boolean wasInterrupted() {
    return interrupted;
  }

  /** Completes when {@link #cancel} is called: the engine's waits listen to it. */
  CompletableFuture<Void> signal() {
    return cancelled;
  }
}
