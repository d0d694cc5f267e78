package io.configurableagents.runtime.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One structured-output request.
 *
 * @param prompt the rendered prompt, sent as the only (user) message; no system prompt
 * @param schemaName the name of the output schema/function, {@code Output_<node>}; characters
 *     providers do not accept in such names are replaced by {@code _} on the wire
 * @param outputSchema the JSON Schema of the answer (workflow-core's {@code
 *     JsonSchemas.nodeOutput}); its root must be an object schema. Not copied, and its provider
 *     forms are made once per schema object and reused: do not change it after the first request
 */
public record LlmRequest(String prompt, String schemaName, ObjectNode outputSchema) {
  public LlmRequest {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(schemaName, "schemaName");
    Objects.requireNonNull(outputSchema, "outputSchema");
    if (schemaName.isBlank()) {
      throw new IllegalArgumentException("schemaName must not be blank");
    }
  }

  /** The same request with another prompt (the clarification note of a retry). */
  public LlmRequest withPrompt(String newPrompt) {
    return new LlmRequest(newPrompt, schemaName, outputSchema);
  }
}
