package io.configurableagents.runtime.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.runtime.llm.ToolDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code dataframe_to_csv}: rows as JSON (a list of objects, or an object of columns) in, CSV text
 * out (RFC 4180: a header line, fields quoted when they hold a comma, a quote or a line break).
 */
final class CsvTool implements Tool {
  private final ToolDefinition definition = new ToolDefinition("dataframe_to_csv",
      "Turns rows into CSV text: data is a list of objects (one per row) or an object of columns (name to list of values).",
      Inputs.schema(new String[][] {{"data", "", "a list of objects, or an object whose values are lists"}}, "data"));

  @Override
  public ToolDefinition definition() {
    return definition;
  }

  @Override
  public String call(ObjectNode input) throws ToolException {
    JsonNode data = input.get("data");
    if (data != null && data.isTextual()) {
      try {
        data = Inputs.JSON.readTree(data.asText());
      } catch (java.io.IOException e) {
        throw ToolException.badInput("\"data\" is text that is not JSON");
      }
    }
    List<JsonNode> rows = rows(data);
    Set<String> columns = new LinkedHashSet<>();
    rows.forEach(r -> r.properties().forEach(e -> columns.add(e.getKey())));
    StringBuilder csv = new StringBuilder();
    csv.append(String.join(",", columns.stream().map(CsvTool::field).toList())).append("\r\n");
    for (JsonNode row : rows) {
      List<String> fields = new ArrayList<>();
      for (String column : columns) {
        JsonNode v = row.get(column);
        fields.add(v == null || v.isNull() ? "" : field(v.isValueNode() ? v.asText() : v.toString()));
      }
      csv.append(String.join(",", fields)).append("\r\n");
    }
    return Inputs.JSON.createObjectNode().put("csv", csv.toString()).put("rows_written", rows.size()).toString();
  }

  private static List<JsonNode> rows(JsonNode data) throws ToolException {
    List<JsonNode> rows = new ArrayList<>();
    if (data != null && data.isArray()) {
      for (JsonNode row : data) {
        if (!row.isObject()) {
          throw ToolException.badInput("each row of \"data\" must be an object");
        }
        rows.add(row);
      }
      return rows;
    }
    if (data != null && data.isObject()) {
      int n = 0;
      for (Map.Entry<String, JsonNode> column : data.properties()) {
        if (!column.getValue().isArray()) {
          throw ToolException.badInput("each column of \"data\" must be a list");
        }
        n = Math.max(n, column.getValue().size());
      }
      for (int i = 0; i < n; i++) {
        ObjectNode row = Inputs.JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> column : data.properties()) {
          row.set(column.getKey(), column.getValue().get(i));
        }
        rows.add(row);
      }
      return rows;
    }
    throw ToolException.badInput("\"data\" must be a list of objects or an object of columns");
  }

  private static String field(String text) {
    boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
    return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
