package io.configurableagents.runtime.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An LLM attempt ended.
 *
 * @param response what the provider answered (raw text, tokens), absent when the exchange failed
 * @param error why the attempt did not give a usable answer: the provider failure (secret-free,
 *     with HTTP status and the provider's message) or the parser's problem; absent on success
 * @param retry the next attempt, when there is one: why, and after what delay
 */
public record AttemptFinished(
    String nodeId,
    int attempt,
    LlmTarget target,
    Duration latency,
    Optional<LlmResponse> response,
    Optional<String> error,
    Optional<Retry> retry) {

  public AttemptFinished {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(retry, "retry");
  }

  public boolean succeeded() {
    return error.isEmpty();
  }

  public int inputTokens() {
    return response.map(LlmResponse::inputTokens).orElse(0);
  }

  public int outputTokens() {
    return response.map(LlmResponse::outputTokens).orElse(0);
  }

  /** @param delay how long the call waits before the next attempt */
  public record Retry(RetryReason reason, Duration delay) {
    public Retry {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(delay, "delay");
    }
  }
}
