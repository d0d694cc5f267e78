package io.configurableagents.runtime.jobs;

import io.configurableagents.core.WorkflowException;

/**
 * The job store cannot be reached for now (a shared database that is down or unreachable): no run
 * is accepted and jobs kept there cannot be read until it is back. The message is for API callers
 * and names no host; the reason, for operators, is in readiness and the log.
 */
public final class JobStoreUnavailableException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  public JobStoreUnavailableException() {
    super("the job store cannot be reached for now; retry in a few seconds");
  }
}
