package io.configurableagents.runtime.engine;

import io.configurableagents.core.WorkflowException;

/** Ends a run with an error. Internal: {@link WorkflowEngine#run} turns it into a result. */
final class RunFailure extends WorkflowException {
  private static final long serialVersionUID = 1L;
  private final transient RunError error;

  RunFailure(RunError error) {
    super(error.message(), null);
    this.error = error;
  }

  RunError error() {
    return error;
  }
}
