package io.configurableagents.runtime.engine;

import java.util.concurrent.CompletableFuture;

/**
 * The stop signal of a part of a run. The root scope stops when the run is cancelled; the scope
 * of a group of branches (fan-out branches, parallel items) also stops when one of them fails, so
 * that its siblings abandon their LLM calls at once. Every wait of the engine listens to it.
 */
final class Scope {
  private final RunControl control;
  private final CompletableFuture<Void> stopped;

  private Scope(RunControl control, CompletableFuture<Void> stopped) {
    this.control = control;
    this.stopped = stopped;
  }

  static Scope root(RunControl control) {
    return new Scope(control, control.signal());
  }

  /** A scope that stops when this one does, and can also be stopped on its own. */
  Scope child() {
    CompletableFuture<Void> own = new CompletableFuture<>();
    stopped.thenRun(() -> own.complete(null));
    return new Scope(control, own);
  }

  /** Stops this scope and its children (never called on the root: cancel the run instead). */
  void stop() {
    stopped.complete(null);
  }

  boolean isStopped() {
    return stopped.isDone();
  }

  CompletableFuture<Void> signal() {
    return stopped;
  }

  /** The exception that ends a branch of a stopped scope: cancelled, or abandoned for a sibling. */
  RunStopped stoppedException() {
    return new RunStopped(control.isCancelled());
  }

  void checkNotStopped() {
    if (isStopped()) {
      throw stoppedException();
    }
  }

  /** The run's thread was interrupted: that cancels the run. */
  RunStopped interrupted() {
    control.cancelByInterrupt();
    return new RunStopped(true);
  }
}
