package io.configurableagents.core.expr;

import io.configurableagents.core.WorkflowException;

/** A placeholder that cannot be resolved at run time. */
public final class TemplateRenderException extends WorkflowException {
  private static final long serialVersionUID = 1L;
  private final String variable;

  public TemplateRenderException(String variable, String message) {
    super(message);
    this.variable = variable;
  }

  /** The placeholder as written, without braces. */
  public String variable() {
    return variable;
  }
}
