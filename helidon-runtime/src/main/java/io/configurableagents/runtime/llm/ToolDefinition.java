package io.configurableagents.runtime.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A tool offered to the model with a request: its name, what it does, and the JSON Schema of its
 * input (an object schema). Sent in each provider's native form (LangChain4j's {@code
 * ToolSpecification}). Shared, never modified.
 */
public record ToolDefinition(String name, String description, ObjectNode parameters) {
  public ToolDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(parameters, "parameters");
  }
}
