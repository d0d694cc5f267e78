package io.configurableagents.core.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes an object schema property by property: {@code ObjectShape.described("...").required("id", s).build()}. */
final class ObjectShape {
  private final ObjectNode schema;
  private final ObjectNode properties;
  private final ArrayNode required;

  private ObjectShape(String description) {
    schema = SchemaJson.object().put("type", "object").put("description", description);
    properties = schema.putObject("properties");
    required = schema.putArray("required");
  }

  static ObjectShape described(String description) {
    return new ObjectShape(description);
  }

  /** A property that is always present (it may still be null when its schema allows it). */
  ObjectShape required(String name, ObjectNode property) {
    properties.set(name, property);
    required.add(name);
    return this;
  }

  ObjectNode build() {
    return schema.deepCopy();
  }
}
