package io.configurableagents.runtime.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import io.configurableagents.core.schema.JsonSchemas;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provider forms of output schemas ({@link OutputSchemas}), made once per schema object rather
 * than on every request: a node's schema is one object for the life of its engine, so every
 * attempt of every run reuses them. Keyed by the schema's identity (and the name); bounded, so
 * that callers making a new schema object per request cannot make it grow without end.
 */
final class WireSchemas {
  private static final int MAX_ENTRIES = 4096;
  private final ConcurrentHashMap<Key, Prepared> prepared = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<ToolDefinition, ToolSpecification> tools = new ConcurrentHashMap<>();

  /**
   * @param strict whether OpenAI's strict mode accepts the schema ({@code JsonSchemas.isStrictCompatible})
   * @param responseFormat OpenAI's and Gemini's form: a JSON response with this schema
   * @param answerTool Anthropic's form: the tool whose input is the answer
   */
  record Prepared(boolean strict, ResponseFormat responseFormat, ToolSpecification answerTool) {}

  Prepared of(LlmRequest request) {
    Key key = new Key(request.outputSchema(), request.schemaName());
    Prepared found = prepared.get(key);
    if (found != null) {
      return found;
    }
    if (prepared.size() >= MAX_ENTRIES) {
      prepared.clear();
    }
    return prepared.computeIfAbsent(key, k -> prepare(k.schema(), k.name()));
  }

  /**
   * The provider form of a tool a node offers, made once per tool (a node's tools live as long as
   * its engine; bounded like the schemas).
   */
  ToolSpecification of(ToolDefinition tool) {
    ToolSpecification found = tools.get(tool);
    if (found != null) {
      return found;
    }
    if (tools.size() >= MAX_ENTRIES) {
      tools.clear();
    }
    return tools.computeIfAbsent(tool, OutputSchemas::toolSpecification);
  }

  private static Prepared prepare(ObjectNode schema, String name) {
    ResponseFormat format =
        ResponseFormat.builder()
            .type(ResponseFormatType.JSON)
            .jsonSchema(OutputSchemas.langChainSchema(name, schema))
            .build();
    return new Prepared(JsonSchemas.isStrictCompatible(schema), format, OutputSchemas.answerTool(name, schema));
  }

  /** A schema object (by identity) under a name. */
  private record Key(ObjectNode schema, String name) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Key k && k.schema == schema && k.name.equals(name);
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(schema) + name.hashCode();
    }
  }
}
