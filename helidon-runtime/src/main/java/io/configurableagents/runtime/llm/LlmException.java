package io.configurableagents.runtime.llm;

import io.configurableagents.core.WorkflowException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One provider exchange that failed, typed by what the caller can do ({@link Kind#retriable()}).
 * The message names the provider, the model, the HTTP status and the provider's own message, and
 * never contains an API key.
 */
public final class LlmException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, and whether trying again may help. */
  public enum Kind {
    /** HTTP 429. */
    RATE_LIMITED(true, "rate limited"),
    /** HTTP 5xx (Anthropic's 529 "overloaded" included), or a provider answer without content. */
    SERVER_ERROR(true, "provider error"),
    /** No answer within the request timeout, or HTTP 408. */
    TIMEOUT(true, "timed out"),
    /** The provider could not be reached or the connection broke. */
    CONNECTION_FAILED(true, "connection failed"),
    /** HTTP 4xx other than 408/429: bad request, authentication, permission, unknown model. */
    REJECTED(false, "rejected"),
    /** A 2xx answer this runtime could not read. */
    UNREADABLE_ANSWER(false, "unreadable answer"),
    /** The caller abandoned the exchange (cancellation or deadline). */
    ABANDONED(false, "abandoned");

    private final boolean retriable;
    private final String label;

    Kind(boolean retriable, String label) {
      this.retriable = retriable;
      this.label = label;
    }

    public boolean retriable() {
      return retriable;
    }

    /** A few words for messages: {@code "rate limited"}. */
    public String label() {
      return label;
    }
  }

  private final transient LlmTarget target;
  private final Kind kind;
  private final Integer httpStatus;
  private final String providerMessage;
  private final transient Duration retryAfter;

  LlmException(
      LlmTarget target,
      Kind kind,
      Optional<Integer> httpStatus,
      String providerMessage,
      Optional<Duration> retryAfter,
      String message,
      Throwable cause) {
    super(message, cause);
    this.target = Objects.requireNonNull(target, "target");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.httpStatus = httpStatus.orElse(null);
    this.providerMessage = Objects.requireNonNull(providerMessage, "providerMessage");
    this.retryAfter = retryAfter.orElse(null);
  }

  /**
   * A client that broke its contract by throwing something other than an {@code LlmException}:
   * not retriable. Only the exception's type and message are kept.
   */
  public static LlmException unexpected(LlmTarget target, RuntimeException thrown) {
    String what = thrown.getClass().getSimpleName() + ": " + thrown.getMessage();
    return new LlmException(
        target,
        Kind.UNREADABLE_ANSWER,
        Optional.empty(),
        what,
        Optional.empty(),
        target + ": unexpected failure of the provider client: " + what,
        thrown);
  }

  public LlmTarget target() {
    return target;
  }

  public Kind kind() {
    return kind;
  }

  /** True for 429, 5xx, timeouts and connection errors. */
  public boolean retriable() {
    return kind.retriable();
  }

  public Optional<Integer> httpStatus() {
    return Optional.ofNullable(httpStatus);
  }

  /** The provider's own words (its error JSON's message), or what failed locally; secret-free. */
  public String providerMessage() {
    return providerMessage;
  }

  /** The provider's {@code Retry-After}, when it sent one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
