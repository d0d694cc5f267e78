package io.configurableagents.core.expr;

import io.configurableagents.core.WorkflowException;

/** A condition that cannot be evaluated against a particular state (Python would raise). */
public final class ConditionEvaluationException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  public ConditionEvaluationException(String message) {
    super(message);
  }
}
