package io.configurableagents.core.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON plumbing of this package: one node factory, one mapper. */
final class SchemaJson {
  /** The dialect every schema of this package is written in. */
  static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private SchemaJson() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** A value of the workflow data model (String, Long, Double, Boolean, List, Map, null) as JSON. */
  static JsonNode value(Object value) {
    return MAPPER.valueToTree(value);
  }

  static String pretty(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  static String compact(JsonNode node) {
    return node.toString();
  }

  /** {@code {"$ref": "#/components/schemas/<name>"}}. */
  static ObjectNode ref(String componentName) {
    return object().put("$ref", "#/components/schemas/" + componentName);
  }

  /** {@code {"type": type}} plus a description. */
  static ObjectNode typed(String type, String description) {
    return object().put("type", type).put("description", description);
  }

  /** {@code {"type": [type, "null"]}} plus a description. */
  static ObjectNode nullableTyped(String type, String description) {
    ObjectNode node = object();
    node.putArray("type").add(type).add("null");
    return node.put("description", description);
  }

  /** {@code {"type": "string", "enum": [values...]}}. */
  static ObjectNode enumOf(String description, String... values) {
    ObjectNode node = object().put("type", "string");
    ArrayNode allowed = node.putArray("enum");
    for (String v : values) {
      allowed.add(v);
    }
    return node.put("description", description);
  }

  /** {@code {"anyOf": [schema, {"type": "null"}]}}, for a {@code $ref} that may be null. */
  static ObjectNode nullable(ObjectNode schema, String description) {
    ObjectNode node = object();
    node.putArray("anyOf").add(schema).add(object().put("type", "null"));
    return node.put("description", description);
  }
}
