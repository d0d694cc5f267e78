package io.configurableagents.runtime.engine;

/**
 * The caller's handle on a run in progress: cancel it from any thread. Created by the caller and
 * passed to {@link WorkflowEngine#run}.
 */
public final class RunControl {
  private volatile boolean cancelled;

  public static RunControl create() {
    return new RunControl();
  }

  /** Asks the run to stop: the LLM call in flight is abandoned and nothing else runs. */
  public void cancel() {
    cancelled = true;
    throw new UnsupportedOperationException("RunControl: interrupting the run is not implemented yet");
  }

  public boolean isCancelled() {
    return cancelled;
  }
}
