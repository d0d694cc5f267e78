package io.configurableagents.runtime.llm;

import java.util.Objects;

/**
 * An LLM attempt is about to be sent.
 *
 * @param attempt 1-based
 * @param prompt the prompt of this attempt (with the clarification note on a retry)
 */
public record AttemptStarted(String nodeId, int attempt, int maxAttempts, LlmTarget target, String prompt) {
  public AttemptStarted {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(prompt, "prompt");
  }
}
