package io.configurableagents.runtime.engine;

import io.configurableagents.core.WorkflowException;

/**
 * Stops one branch of a run without an error of its own: the run was cancelled, or a sibling
 * branch failed and this one is abandoned. Internal.
 */
final class RunStopped extends WorkflowException {
  private static final long serialVersionUID = 1L;
  private final boolean cancelled;

  RunStopped(boolean cancelled) {
    super(cancelled ? "the run was cancelled" : "abandoned: another branch failed", null);
    this.cancelled = cancelled;
  }

  /** True when the run was cancelled; false when this branch was abandoned for a sibling's failure. */
  boolean cancelled() {
    return cancelled;
  }
}
