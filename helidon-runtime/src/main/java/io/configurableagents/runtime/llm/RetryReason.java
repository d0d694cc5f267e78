package io.configurableagents.runtime.llm;

/** Why another attempt follows. */
public enum RetryReason {
  /** The answer was malformed or mistyped; the next prompt carries the clarification note. */
  INVALID_ANSWER,
  RATE_LIMITED,
  SERVER_ERROR,
  TIMEOUT,
  CONNECTION_FAILED;

  static RetryReason of(LlmException.Kind kind) {
    return switch (kind) {
      case RATE_LIMITED -> RATE_LIMITED;
      case TIMEOUT -> TIMEOUT;
      case CONNECTION_FAILED -> CONNECTION_FAILED;
      default -> SERVER_ERROR;
    };
  }
}
