package io.configurableagents.runtime.http;

import io.helidon.http.Status;
import java.time.Duration;

/**
 * A run refused for now, with {@code Retry-After}: 429 by a caller's limits ({@link RunAdmission}),
 * 503 when the server as a whole holds all it may ({@link InputBudget}).
 */
public final class TooManyRunsException extends HttpProblem {
  private static final long serialVersionUID = 1L;
  private final transient Duration retryAfter;

  TooManyRunsException(String type, String message, Duration retryAfter) {
    this(Status.TOO_MANY_REQUESTS_429, type, message, retryAfter);
  }

  TooManyRunsException(Status status, String type, String message, Duration retryAfter) {
    super(status, type, message);
    this.retryAfter = retryAfter;
  }

  /** Whole seconds, at least 1 ({@code Retry-After} has no fractions). */
  public long retryAfterSeconds() {
    long millis = retryAfter.toMillis();
    return Math.max(1, (millis + 999) / 1000);
  }
}
