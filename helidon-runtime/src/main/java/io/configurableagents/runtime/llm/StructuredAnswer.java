package io.configurableagents.runtime.llm;

import java.util.Objects;

/**
 * A usable answer, with what it cost.
 *
 * @param value what the parser made of the last answer
 * @param attempts how many attempts it took (1 when the first answer was good)
 * @param inputTokens prompt tokens summed over all attempts
 * @param outputTokens completion tokens summed over all attempts
 * @param modelName the model the provider says answered
 */
public record StructuredAnswer<T>(T value, int attempts, int inputTokens, int outputTokens, String modelName) {
  public StructuredAnswer {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(modelName, "modelName");
  }
}
