package io.configurableagents.runtime.llm.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A value that conforms to a JSON Schema (the subset workflow schemas use: objects with
 * properties or {@code additionalProperties}, arrays with items, scalars, enums, nullable type
 * unions, {@code anyOf}), as a cooperative model would answer. Also reads Gemini's OpenAPI-style
 * upper-case types.
 */
public final class SchemaExamples {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SchemaExamples() {}

  public static JsonNode valueFor(JsonNode schema) {
    if (schema.has("enum") && schema.path("enum").size() > 0) {
      return schema.path("enum").get(0);
    }
    if (schema.has("const")) {
      return schema.path("const");
    }
    if (schema.path("anyOf").isArray() && schema.path("anyOf").size() > 0) {
      return valueFor(firstNonNull(schema.path("anyOf")));
    }
    return switch (type(schema)) {
      case "object" -> objectFor(schema);
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        array.add(valueFor(schema.path("items")));
        yield array;
      }
      case "string" -> NODES.textNode("example");
      case "integer" -> NODES.numberNode(1);
      case "number" -> NODES.numberNode(1.5);
      case "boolean" -> NODES.booleanNode(true);
      case "null" -> NODES.nullNode();
      default -> NODES.textNode("example");
    };
  }

  private static ObjectNode objectFor(JsonNode schema) {
    ObjectNode object = NODES.objectNode();
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      object.set(property.getKey(), valueFor(property.getValue()));
    }
    JsonNode additional = schema.path("additionalProperties");
    if (object.isEmpty() && additional.isObject()) {
      object.set("key", valueFor(additional));
    }
    return object;
  }

  private static String type(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (!"null".equalsIgnoreCase(t.asText())) {
          return t.asText().toLowerCase(java.util.Locale.ROOT);
        }
      }
      return "null";
    }
    if (type.isTextual()) {
      return type.asText().toLowerCase(java.util.Locale.ROOT);
    }
    return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
  }

  private static JsonNode firstNonNull(JsonNode options) {
    for (JsonNode option : options) {
      if (!"null".equals(option.path("type").asText())) {
        return option;
      }
    }
    return options.get(0);
  }
}
