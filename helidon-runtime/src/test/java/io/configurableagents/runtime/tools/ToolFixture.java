package io.configurableagents.runtime.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.SourceLocation;
import io.configurableagents.core.model.ToolSpec;
import io.configurableagents.runtime.llm.Environment;
import java.nio.file.Path;
import java.util.Map;

/** Calls built-in tools as a node would: bound from a {@code tools} entry, under a given environment. */
final class ToolFixture {
  static final ObjectMapper JSON = new ObjectMapper();
  private final Tools tools;

  ToolFixture(Map<String, String> environment, Path dataDir) {
    this.tools = Tools.create(Environment.of(environment), dataDir);
  }

  ToolBinding bind(String name, Map<String, Object> config) {
    return tools.bind(new ToolSpec(name, "fail", config, SourceLocation.of("test.yaml", 1, 1)));
  }

  /** One call with {@code json} as the input; the result parsed as JSON. */
  JsonNode call(String tool, String json) throws Exception {
    return call(tool, Map.of(), json);
  }

  JsonNode call(String tool, Map<String, Object> config, String json) throws Exception {
    return JSON.readTree(bind(tool, config).tool().call((ObjectNode) JSON.readTree(json)));
  }

  static String input(Object... keyValues) throws Exception {
    ObjectNode o = JSON.createObjectNode();
    for (int i = 0; i < keyValues.length; i += 2) {
      o.set((String) keyValues[i], JSON.valueToTree(keyValues[i + 1]));
    }
    return o.toString();
  }
}
