package io.configurableagents.runtime.llm;

import java.util.Objects;

/**
 * What the model answered.
 *
 * @param text the raw answer: the JSON text of the content or of the forced tool's arguments
 * @param inputTokens prompt tokens reported by the provider (0 when it reports none)
 * @param outputTokens completion tokens reported by the provider (0 when it reports none)
 * @param modelName the model name the provider reports, or the requested one
 */
public record LlmResponse(String text, int inputTokens, int outputTokens, String modelName) {
  public LlmResponse {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(modelName, "modelName");
    if (inputTokens < 0 || outputTokens < 0) {
      throw new IllegalArgumentException("token counts must not be negative");
    }
  }
}
