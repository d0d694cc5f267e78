package io.configurableagents.runtime.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One structured-output request.
 *
 * @param prompt the rendered prompt, sent as the first (user) message; no system prompt
 * @param schemaName the name of the output schema/function, {@code Output_<node>}; characters
 *     providers do not accept in such names are replaced by {@code _} on the wire
 * @param outputSchema the JSON Schema of the answer (workflow-core's {@code
 *     JsonSchemas.nodeOutput}); its root must be an object schema. Not copied, and its provider
 *     forms are made once per schema object and reused: do not change it after the first request
 * @param tools the tools the model may call (none: a plain structured-output request)
 * @param rounds the tool rounds so far, sent after the prompt: each model turn that asked for
 *     tools, then the results of its calls
 */
public record LlmRequest(
    String prompt, String schemaName, ObjectNode outputSchema, List<ToolDefinition> tools, List<ToolRound> rounds) {
  public LlmRequest {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(schemaName, "schemaName");
    Objects.requireNonNull(outputSchema, "outputSchema");
    tools = List.copyOf(tools);
    rounds = List.copyOf(rounds);
    if (schemaName.isBlank()) {
      throw new IllegalArgumentException("schemaName must not be blank");
    }
  }

  /** A request without tools. */
  public LlmRequest(String prompt, String schemaName, ObjectNode outputSchema) {
    this(prompt, schemaName, outputSchema, List.of(), List.of());
  }

  /** The same request with another prompt (the clarification note of a retry). */
  public LlmRequest withPrompt(String newPrompt) {
    return new LlmRequest(newPrompt, schemaName, outputSchema, tools, rounds);
  }

  public boolean hasTools() {
    return !tools.isEmpty();
  }
}
