package io.configurableagents.runtime.llm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the model answered: a final answer, or tool calls.
 *
 * @param text the raw answer: the JSON text of the content or of the answer tool's arguments
 *     (empty when the model asked for tools)
 * @param inputTokens prompt tokens reported by the provider (0 when it reports none)
 * @param outputTokens completion tokens reported by the provider (0 when it reports none)
 * @param modelName the model name the provider reports, or the requested one
 * @param toolCalls the tools the model asked to call, in its order; empty for a final answer
 * @param finishReason why the model stopped, as OpenTelemetry's GenAI conventions name it
 *     ({@code stop}, {@code length}, {@code content_filter}, {@code tool_call}, {@code other}), when
 *     the provider said
 */
public record LlmResponse(
    String text, int inputTokens, int outputTokens, String modelName, List<ToolCall> toolCalls, Optional<String> finishReason) {
  public LlmResponse {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(modelName, "modelName");
    toolCalls = List.copyOf(toolCalls);
    Objects.requireNonNull(finishReason, "finishReason");
    if (inputTokens < 0 || outputTokens < 0) {
      throw new IllegalArgumentException("token counts must not be negative");
    }
  }

  /** An answer without a finish reason (a provider that reports none, a test's fake). */
  public LlmResponse(String text, int inputTokens, int outputTokens, String modelName, List<ToolCall> toolCalls) {
    this(text, inputTokens, outputTokens, modelName, toolCalls, Optional.empty());
  }

  /** A final answer. */
  public LlmResponse(String text, int inputTokens, int outputTokens, String modelName) {
    this(text, inputTokens, outputTokens, modelName, List.of());
  }

  /** Whether the model asked for tool calls rather than answering. */
  public boolean wantsTools() {
    return !toolCalls.isEmpty();
  }
}
