package io.configurableagents.runtime.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.ExecutionSpec;
import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.core.model.NodeSpec;
import io.configurableagents.core.schema.JsonSchemas;
import io.configurableagents.runtime.llm.LlmClient;
import io.configurableagents.runtime.llm.LlmRequest;
import io.configurableagents.runtime.llm.ToolDefinition;
import io.configurableagents.runtime.llm.ToolRound;
import io.configurableagents.runtime.tools.ToolBinding;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An LLM node, compiled: its effective LLM settings, the JSON Schema it asks for, how its answers
 * are read, its tools and their round limit, and its provider client (created on first use, then shared by every run: creating it
 * needs the API key, which may only be set later).
 */
final class LlmNode implements Node {
  private final NodeSpec spec;
  private final LlmSpec llm;
  private final ObjectNode outputSchema;
  private final OutputReader reader;
  private final Function<LlmSpec, LlmClient> clients;
  private final Map<String, ToolBinding> tools;
  private final List<ToolDefinition> toolDefinitions;
  private final int maxToolRounds;
  private final String maxToolRoundsSource;
  private volatile LlmClient client;

  LlmNode(
      NodeSpec spec,
      LlmSpec llm,
      ObjectNode outputSchema,
      Function<LlmSpec, LlmClient> clients,
      List<ToolBinding> tools,
      ExecutionSpec execution) {
    this.spec = spec;
    this.llm = llm;
    this.outputSchema = outputSchema;
    this.reader = new OutputReader(spec.output(), spec.outputs());
    this.clients = clients;
    Map<String, ToolBinding> byName = new LinkedHashMap<>();
    tools.forEach(t -> byName.put(t.name(), t));
    this.tools = Collections.unmodifiableMap(byName);
    this.toolDefinitions = tools.stream().map(t -> t.tool().definition()).toList();
    this.maxToolRounds = spec.maxToolRounds(execution);
    this.maxToolRoundsSource = spec.maxToolRounds().isPresent()
        ? "max_tool_rounds: " + maxToolRounds + " on the node"
        : "config.execution.max_tool_rounds: " + maxToolRounds;
  }

  /** The request of one exchange: the prompt, the node's tools, and the tool rounds so far. */
  LlmRequest request(String prompt, List<ToolRound> rounds) {
    return new LlmRequest(prompt, schemaName(), outputSchema, toolDefinitions, rounds);
  }

  /** The tool of that name, if the node lists it. */
  Optional<ToolBinding> tool(String name) {
    return Optional.ofNullable(tools.get(name));
  }

  /** The names of the node's tools, in file order. */
  List<String> toolNames() {
    return List.copyOf(tools.keySet());
  }

  /** How many rounds of tool calls one execution may have. */
  int maxToolRounds() {
    return maxToolRounds;
  }

  /** Where {@link #maxToolRounds} comes from, for the error that names it. */
  String maxToolRoundsSource() {
    return maxToolRoundsSource;
  }

  @Override
  public NodeSpec spec() {
    return spec;
  }

  /** The node's {@code llm} merged over {@code config.llm}. */
  LlmSpec llm() {
    return llm;
  }

  /** The name of the structured output the model is asked for. */
  String schemaName() {
    return JsonSchemas.outputName(spec);
  }

  /** The node's output JSON Schema (shared, never modified). */
  ObjectNode outputSchema() {
    return outputSchema;
  }

  OutputReader reader() {
    return reader;
  }

  /** The provider client, created once. */
  LlmClient client() {
    LlmClient c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) {
          c = clients.apply(llm);
          client = c;
        }
      }
    }
    return c;
  }
}
