package io.configurableagents.runtime.llm;

import java.util.List;
import java.util.Objects;

/**
 * One round of a tool conversation: the model's turn that asked for tool calls, and the result of
 * each call, in the same order, as they are sent back with the next request.
 *
 * @param text what the model wrote beside its calls (often empty)
 * @param results one text per call: the tool's result, or the error the model is told about
 */
public record ToolRound(String text, List<ToolCall> calls, List<String> results) {
  public ToolRound {
    Objects.requireNonNull(text, "text");
    calls = List.copyOf(calls);
    results = List.copyOf(results);
    if (calls.size() != results.size() || calls.isEmpty()) {
      throw new IllegalArgumentException("a round has one result per call, and at least one call");
    }
  }
}
