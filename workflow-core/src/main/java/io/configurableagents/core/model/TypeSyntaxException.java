package io.configurableagents.core.model;

import io.configurableagents.core.WorkflowException;

/** A type string that does not parse. {@link #offset()} is 0-based within the type string. */
public final class TypeSyntaxException extends WorkflowException {
  private static final long serialVersionUID = 1L;
  private final int offset;

  public TypeSyntaxException(String message, int offset) {
    super(message);
    this.offset = offset;
  }

  public int offset() {
    return offset;
  }
}
