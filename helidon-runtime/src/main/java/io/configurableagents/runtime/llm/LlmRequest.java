package io.configurableagents.runtime.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One structured-output request.
 *
 * @param prompt the rendered prompt, sent as the only (user) message
 * @param schemaName the name of the output schema/function, {@code Output_<node>}
 * @param outputSchema the JSON Schema of the answer (from workflow-core's {@code JsonSchemas.nodeOutput})
 */
public record LlmRequest(String prompt, String schemaName, ObjectNode outputSchema) {}
