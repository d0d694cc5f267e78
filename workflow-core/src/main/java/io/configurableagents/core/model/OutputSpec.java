package io.configurableagents.core.model;

import java.util.List;
import java.util.Optional;

/**
 * A node's {@code output_schema}, resolved against the state: types are the state fields' types,
 * so an {@code object} output carries the state field's nested schema (docs/workflow-format.md, "Outputs").
 */
public sealed interface OutputSpec permits OutputSpec.Simple, OutputSpec.Fields {

  /**
   * A non-object {@code output_schema.type}: the LLM answers {@code {"result": <value>}} and the
   * value goes to the node's single output field.
   */
  record Simple(TypeRef type, Optional<String> description) implements OutputSpec {}

  /** {@code type: object} with {@code fields}: one property per field, all required. */
  record Fields(List<OutputField> fields) implements OutputSpec {
    public Fields {
      fields = List.copyOf(fields);
    }
  }

  /** One entry of {@code output_schema.fields}. */
  record OutputField(String name, TypeRef type, Optional<String> description) {}
}
