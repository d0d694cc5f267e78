package io.configurableagents.core.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.OutputSpec;
import io.configurableagents.core.model.StateField;
import io.configurableagents.core.model.TypeRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a node asks its LLM for (docs/engine.md, "One node"; docs/workflow-format.md, "Outputs"): an object with one property per
 * output field, or {@code {"result": T}} for a simple output; every property required, no others.
 * Types are the state fields' types, so an {@code object} output carries the state field's nested
 * schema. Descriptions: the output field's (or {@code output_schema.description} for a simple
 * output), else the state field's.
 */
final class AnswerSchemas {
  /** The property a simple output's value is wrapped in. */
  static final String RESULT_PROPERTY = "result";

  private AnswerSchemas() {}

  /**
   * @param outputs the node's {@code outputs}, state field names
   * @param state the workflow's state fields
   */
  static ObjectNode of(OutputSpec output, List<String> outputs, Map<String, StateField> state) {
    ObjectNode schema = SchemaJson.object().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    if (output instanceof OutputSpec.Simple simple) {
      Optional<String> fallback = outputs.stream().findFirst().map(state::get).flatMap(StateField::description);
      properties.set(RESULT_PROPERTY, property(simple.type(), simple.description().or(() -> fallback)));
    } else {
      for (OutputSpec.OutputField field : ((OutputSpec.Fields) output).fields()) {
        Optional<String> fallback = Optional.ofNullable(state.get(field.name())).flatMap(StateField::description);
        properties.set(field.name(), property(field.type(), field.description().or(() -> fallback)));
      }
    }
    ArrayNode required = schema.putArray("required");
    properties.fieldNames().forEachRemaining(required::add);
    return schema.put("additionalProperties", false);
  }

  private static ObjectNode property(TypeRef type, Optional<String> description) {
    return TypeSchemas.described(TypeSchemas.ofType(type, SchemaPurpose.ANSWER), description);
  }
}
