package io.configurableagents.core;

/** Root of every exception this project throws on purpose. Unchecked, as in Helidon and LangChain4j. */
public class WorkflowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WorkflowException(String message) {
    super(message);
  }

  public WorkflowException(String message, Throwable cause) {
    super(message, cause);
  }
}
