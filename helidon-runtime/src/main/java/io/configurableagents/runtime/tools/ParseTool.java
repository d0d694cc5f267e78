package io.configurableagents.runtime.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.runtime.llm.ToolDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** {@code json_parse} and {@code yaml_parse}: text in, {@code {parsed}} out (YAML loaded safely: no types, few aliases). */
final class ParseTool implements Tool {
  private final ToolDefinition definition;
  private final boolean yaml;

  private ParseTool(String name, String format, boolean yaml) {
    this.yaml = yaml;
    this.definition = new ToolDefinition(
        name,
        "Parses " + format + " text and returns its value as JSON ({\"parsed\": ...}), or says where it is malformed.",
        Inputs.schema(new String[][] {{"text", "string", "the " + format + " text"}}, "text"));
  }

  static ParseTool json() {
    return new ParseTool("json_parse", "JSON", false);
  }

  static ParseTool yaml() {
    return new ParseTool("yaml_parse", "YAML", true);
  }

  @Override
  public ToolDefinition definition() {
    return definition;
  }

  @Override
  public String call(ObjectNode input) throws ToolException {
    String text = Inputs.text(input, "text");
    Object parsed = yaml ? yaml(text) : json(text);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("parsed", parsed);
    return Inputs.json(result);
  }

  private static JsonNode json(String text) throws ToolException {
    try {
      return Inputs.JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw ToolException.badInput("not JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr());
    }
  }

  private static Object yaml(String text) throws ToolException {
    LoadSettings settings = LoadSettings.builder().setMaxAliasesForCollections(50).setAllowDuplicateKeys(false).build();
    try {
      return new Load(settings).loadFromString(text);
    } catch (YamlEngineException e) {
      throw ToolException.badInput("not YAML: " + e.getMessage());
    }
  }
}
