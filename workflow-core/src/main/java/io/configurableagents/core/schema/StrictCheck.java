package io.configurableagents.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a schema fits the strictest structured-output mode among the providers, OpenAI's
 * {@code strict: true} json_schema: every schema has a {@code type}; every object lists its
 * {@code properties}, names all of them in {@code required} and has {@code additionalProperties:
 * false}; every array has {@code items}; objects nest at most {@value #MAX_OBJECT_DEPTH} deep. So an
 * untyped {@code list}, {@code dict}, {@code dict[K, V]} or {@code object} anywhere makes a schema
 * non-strict.
 */
final class StrictCheck {
  static final int MAX_OBJECT_DEPTH = 10;

  private StrictCheck() {}

  static boolean isStrict(JsonNode schema) {
    return isStrict(schema, 0);
  }

  private static boolean isStrict(JsonNode schema, int objectDepth) {
    if (schema.has("anyOf")) {
      for (JsonNode alternative : schema.get("anyOf")) {
        if (!isStrict(alternative, objectDepth)) {
          return false;
        }
      }
      return true;
    }
    Set<String> types = types(schema);
    if (types.isEmpty()) {
      return false;
    }
    if (types.contains("array") && !(schema.path("items").isObject() && isStrict(schema.get("items"), objectDepth))) {
      return false;
    }
    return !types.contains("object") || isStrictObject(schema, objectDepth + 1);
  }

  private static boolean isStrictObject(JsonNode schema, int depth) {
    JsonNode properties = schema.path("properties");
    if (depth > MAX_OBJECT_DEPTH || !properties.isObject() || !schema.path("additionalProperties").isBoolean()
        || schema.get("additionalProperties").booleanValue()) {
      return false;
    }
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(name -> required.add(name.asText()));
    Set<String> names = new HashSet<>();
    properties.fieldNames().forEachRemaining(names::add);
    if (!required.equals(names)) {
      return false;
    }
    for (JsonNode property : properties) {
      if (!isStrict(property, depth)) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> types(JsonNode schema) {
    Set<String> types = new HashSet<>();
    JsonNode type = schema.path("type");
    if (type.isTextual()) {
      types.add(type.asText());
    }
    type.forEach(t -> types.add(t.asText()));
    return types;
  }
}
