package io.configurableagents.runtime.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.core.model.NodeSpec;
import io.configurableagents.core.schema.JsonSchemas;
import io.configurableagents.runtime.llm.LlmClient;
import java.util.function.Function;

/**
 * An LLM node, compiled: its effective LLM settings, the JSON Schema it asks for, how its answers
 * are read, and its provider client (created on first use, then shared by every run: creating it
 * needs the API key, which may only be set later).
 */
final class LlmNode implements Node {
  private final NodeSpec spec;
  private final LlmSpec llm;
  private final ObjectNode outputSchema;
  private final OutputReader reader;
  private final Function<LlmSpec, LlmClient> clients;
  private volatile LlmClient client;

  LlmNode(NodeSpec spec, LlmSpec llm, ObjectNode outputSchema, Function<LlmSpec, LlmClient> clients) {
    this.spec = spec;
    this.llm = llm;
    this.outputSchema = outputSchema;
    this.reader = new OutputReader(spec.output(), spec.outputs());
    this.clients = clients;
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
