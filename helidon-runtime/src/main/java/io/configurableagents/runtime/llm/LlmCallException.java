package io.configurableagents.runtime.llm;

import io.configurableagents.core.WorkflowException;
import java.util.Objects;
import java.util.Optional;

/**
 * A node's LLM call that produced no usable answer. The message names the node, the provider, the
 * model, and for provider failures the HTTP status and the provider's own message; it never
 * contains an API key.
 */
public final class LlmCallException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  /** Why the call ended without an answer. */
  public enum Reason {
    /** The provider failed: not retriable (400/401/403/404...), or retriable and out of attempts. */
    PROVIDER_ERROR,
    /** Every attempt's answer was malformed or mistyped. */
    INVALID_ANSWER,
    /** The run's deadline passed, or a wait the provider asked for would have passed it. */
    DEADLINE_EXCEEDED,
    /** The caller cancelled. */
    CANCELLED
  }

  private final String nodeId;
  private final transient LlmTarget target;
  private final Reason reason;
  private final int attempts;
  private final LlmException providerFailure;

  LlmCallException(
      String nodeId, LlmTarget target, Reason reason, int attempts, Optional<LlmException> providerFailure, String message) {
    super(message, providerFailure.orElse(null));
    this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
    this.target = Objects.requireNonNull(target, "target");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.attempts = attempts;
    this.providerFailure = providerFailure.orElse(null);
  }

  static LlmCallException providerError(LlmCall call, int attempts, LlmException failure) {
    String prefix =
        failure.retriable() ? "gave up after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + ": " : "";
    return new LlmCallException(
        call.nodeId(), failure.target(), Reason.PROVIDER_ERROR, attempts, Optional.of(failure),
        "Node '" + call.nodeId() + "': " + prefix + failure.getMessage());
  }

  static LlmCallException invalidAnswer(LlmCall call, int attempts, String problem) {
    LlmTarget target = call.client().target();
    return new LlmCallException(
        call.nodeId(), target, Reason.INVALID_ANSWER, attempts, Optional.empty(),
        "Node '" + call.nodeId() + "': the answer of " + target + " did not match the output schema "
            + call.request().schemaName() + " after " + attempts + " attempt" + (attempts == 1 ? "" : "s")
            + ": " + problem + ". Raise config.execution.max_retries to allow more attempts, or simplify"
            + " the node's output.");
  }

  static LlmCallException deadline(LlmCall call, int attempts, String what, Optional<LlmException> last) {
    LlmTarget target = call.client().target();
    return new LlmCallException(
        call.nodeId(), target, Reason.DEADLINE_EXCEEDED, attempts, last,
        "Node '" + call.nodeId() + "': " + what + " (calling " + target + ", attempt " + attempts + " of "
            + call.maxAttempts() + ")" + last.map(e -> "; last error: " + e.getMessage()).orElse("")
            + ". Raise config.execution.timeout to give runs more time.");
  }

  static LlmCallException cancelled(LlmCall call, int attempts) {
    LlmTarget target = call.client().target();
    return new LlmCallException(
        call.nodeId(), target, Reason.CANCELLED, attempts, Optional.empty(),
        "Node '" + call.nodeId() + "': cancelled while calling " + target
            + (attempts == 0 ? "" : " (attempt " + attempts + " of " + call.maxAttempts() + ")"));
  }

  public String nodeId() {
    return nodeId;
  }

  public LlmTarget target() {
    return target;
  }

  public Reason reason() {
    return reason;
  }

  /** Attempts made (sent or started), 0 when the call was cancelled before the first. */
  public int attempts() {
    return attempts;
  }

  /** The last provider failure, when one was involved. */
  public Optional<LlmException> providerFailure() {
    return Optional.ofNullable(providerFailure);
  }

  public Optional<Integer> httpStatus() {
    return providerFailure().flatMap(LlmException::httpStatus);
  }
}
