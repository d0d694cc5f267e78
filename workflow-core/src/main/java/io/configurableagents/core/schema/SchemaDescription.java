package io.configurableagents.core.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.StateField;
import io.configurableagents.core.model.Workflow;

/**
 * The body of {@code GET /schema}: the Python tool's shape (docs/runtime.md, "Endpoints", {@code GET /schema}) plus the JSON
 * Schemas of the inputs and of the result.
 *
 * <pre>{@code
 * {"workflow": "echo", "version": "1.0.0",
 *  "inputs": {"message": {"type": "str", "required": true, "default": null, "description": "..."}, ...},
 *  "outputs": ["message", "result"],
 *  "input_schema": {...JsonSchemas.inputs...},
 *  "output_schema": {...JsonSchemas.result...}}
 * }</pre>
 *
 * {@code inputs} lists every state field, as the Python tool did (each can be given); {@code type}
 * is the canonical type string; {@code default} and {@code description} are null when absent.
 * {@code outputs} names every state field, because a run's result is the whole final state.
 */
public final class SchemaDescription {
  private SchemaDescription() {}

  /** A new tree each call. */
  public static ObjectNode of(Workflow workflow) {
    ObjectNode body = SchemaJson.object();
    body.put("workflow", workflow.name());
    body.put("version", workflow.versionOrDefault());
    ObjectNode inputs = body.putObject("inputs");
    ArrayNode outputs = body.putArray("outputs");
    for (StateField field : workflow.state().values()) {
      inputs.set(field.name(), describe(field));
      outputs.add(field.name());
    }
    body.set("input_schema", JsonSchemas.inputs(workflow));
    body.set("output_schema", JsonSchemas.result(workflow));
    return body;
  }

  private static ObjectNode describe(StateField field) {
    ObjectNode entry = SchemaJson.object();
    entry.put("type", field.type().typeString());
    entry.put("required", field.required());
    entry.set("default", SchemaJson.value(field.defaultValue().orElse(null)));
    entry.put("description", field.description().orElse(null));
    return entry;
  }
}
