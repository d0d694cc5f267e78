package io.configurableagents.runtime.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Objects;

/**
 * A tool call the model asked for.
 *
 * @param id the provider's id of the call, which its result must carry back
 * @param arguments the input as the model wrote it: JSON text, not yet checked
 */
public record ToolCall(String id, String name, String arguments) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public ToolCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arguments, "arguments");
  }

  /** The calls as a JSON array of {@code {id, name, arguments}}: how a turn that asked for tools is shown. */
  public static String describe(List<ToolCall> calls) {
    ArrayNode array = JSON.createArrayNode();
    for (ToolCall call : calls) {
      array.addObject().put("id", call.id()).put("name", call.name()).put("arguments", call.arguments());
    }
    return array.toString();
  }
}
