package io.configurableagents.runtime.llm;

import io.configurableagents.core.WorkflowException;
import java.time.Duration;
import java.util.Optional;

/**
 * A provider call that failed. {@link #retriable()} is true for 429, 5xx, timeouts and connection
 * errors; false for 400/401/403/404 and the like. The message names the provider, the model, the
 * HTTP status and the provider's own message, and never contains an API key.
 */
public class LlmException extends WorkflowException {
  private static final long serialVersionUID = 1L;
  private final transient LlmTarget target;
  private final Integer httpStatus;
  private final boolean retriable;
  private final transient Duration retryAfter;

  public LlmException(
      LlmTarget target,
      Optional<Integer> httpStatus,
      boolean retriable,
      Optional<Duration> retryAfter,
      String message,
      Throwable cause) {
    super(message, cause);
    this.target = target;
    this.httpStatus = httpStatus.orElse(null);
    this.retriable = retriable;
    this.retryAfter = retryAfter.orElse(null);
  }

  public LlmTarget target() {
    return target;
  }

  public Optional<Integer> httpStatus() {
    return Optional.ofNullable(httpStatus);
  }

  public boolean retriable() {
    return retriable;
  }

  /** The provider's {@code Retry-After}, when it sent one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
