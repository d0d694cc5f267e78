package io.configurableagents.runtime.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** Reading a tool's input and describing it: the JSON Schemas the model sees, and the checks of what it sent. */
final class Inputs {
  static final ObjectMapper JSON = new ObjectMapper();

  private Inputs() {}

  /** An object schema: {@code properties} name to {@code [type, description]} pairs; {@code required} names. */
  static ObjectNode schema(String[][] properties, String... required) {
    ObjectNode schema = JSON.createObjectNode().put("type", "object");
    ObjectNode props = schema.putObject("properties");
    for (String[] p : properties) {
      ObjectNode property = props.putObject(p[0]);
      if (!p[1].isEmpty()) {
        property.put("type", p[1]);
      }
      if (p[1].equals("array")) {
        property.putObject("items");
      }
      property.put("description", p[2]);
    }
    ArrayNode names = schema.putArray("required");
    for (String r : required) {
      names.add(r);
    }
    return schema;
  }

  static String text(ObjectNode input, String name) throws ToolException {
    JsonNode value = input.get(name);
    if (value == null || value.isNull()) {
      throw ToolException.badInput("the input needs \"" + name + "\"");
    }
    if (!value.isTextual()) {
      throw ToolException.badInput("\"" + name + "\" must be a string, not " + value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    }
    return value.asText();
  }

  static Optional<String> optionalText(ObjectNode input, String name) throws ToolException {
    JsonNode value = input.get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(text(input, name));
  }

  static int integer(ObjectNode input, String name, int orElse, int min, int max) throws ToolException {
    JsonNode value = input.get(name);
    if (value == null || value.isNull()) {
      return orElse;
    }
    if (!value.canConvertToInt() || !(value.isIntegralNumber() || value.isTextual() && value.asText().matches("-?\\d+"))) {
      throw ToolException.badInput("\"" + name + "\" must be an integer");
    }
    int n = value.isTextual() ? Integer.parseInt(value.asText()) : value.asInt();
    return Math.max(min, Math.min(max, n));
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tool result is not JSON data", e);
    }
  }
}
