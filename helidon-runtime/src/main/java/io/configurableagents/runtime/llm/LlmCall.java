package io.configurableagents.runtime.llm;

import java.time.Instant;
import java.util.Objects;

/**
 * One node's LLM call, as {@link StructuredCall} runs it.
 *
 * @param maxAttempts {@code config.execution.max_retries} (the number of attempts), at least 1
 * @param deadline the run's deadline: no exchange waits and no back-off sleeps past it
 */
public record LlmCall(String nodeId, LlmClient client, LlmRequest request, int maxAttempts, Instant deadline) {
  public LlmCall {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(deadline, "deadline");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
  }
}
