package io.configurableagents.runtime.jobs;

import io.configurableagents.core.WorkflowException;

/**
 * A save that would replace a finished job: another replica finished it first (it was cancelled
 * there, or marked interrupted when this replica's lease expired). The stored job is the one
 * every replica shows.
 */
public final class JobAlreadyFinishedException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  private final transient Job stored;

  public JobAlreadyFinishedException(Job stored) {
    super("job " + stored.id() + " is already " + stored.state().label() + " in the job store");
    this.stored = stored;
  }

  public Job stored() {
    return stored;
  }
}
