package io.configurableagents.runtime.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The output schema in each provider's native form.
 *
 * <p>The workflow's JSON Schema (2020-12) goes to the wire unchanged, as LangChain4j's {@link
 * JsonRawSchema}, rather than through LangChain4j's typed elements: those model {@code
 * additionalProperties} only as a boolean, and the non-strict mappers drop it, so {@code dict[str,
 * int]} would lose its value type. Raw, the schema keeps objects, {@code required}, descriptions,
 * {@code items}, {@code additionalProperties} schemas, enums and nullable type unions exactly. Only
 * {@code $schema}/{@code $id} are dropped: they tell the model nothing, and the providers' schema
 * subsets do not all list them.
 *
 * <ul>
 *   <li>OpenAI and Ollama: {@code response_format: {type: json_schema, json_schema: {name, strict,
 *       schema}}}; {@code strict: true} when workflow-core's {@code JsonSchemas.isStrictCompatible}
 *       holds, else the same schema non-strict (still a json_schema, so the model is told the
 *       shape; our coercion checks it). {@code json_object} would tell the model nothing of it.
 *   <li>Gemini: {@code responseMimeType: application/json} with {@code responseJsonSchema}.
 *   <li>Anthropic: a forced tool whose {@code input_schema} is the schema (works on every Claude
 *       model, unlike the newer {@code output_config} mode, which also refuses
 *       {@code additionalProperties} schemas).
 * </ul>
 */
final class OutputSchemas {
  private static final int MAX_NAME_LENGTH = 64;

  private OutputSchemas() {}

  /** The schema as sent: a copy without {@code $schema} and {@code $id}. */
  static ObjectNode wireSchema(ObjectNode schema) {
    ObjectNode copy = schema.deepCopy();
    copy.remove(List.of("$schema", "$id"));
    return copy;
  }

  /** A schema or function name providers accept: {@code [A-Za-z0-9_-]{1,64}}. */
  static String wireName(String name) {
    String clean = name.replaceAll("[^A-Za-z0-9_-]", "_");
    return clean.length() <= MAX_NAME_LENGTH ? clean : clean.substring(0, MAX_NAME_LENGTH);
  }

  static JsonSchema langChainSchema(String name, ObjectNode schema) {
    return JsonSchema.builder()
        .name(wireName(name))
        .rootElement(JsonRawSchema.from(wireSchema(schema).toString()))
        .build();
  }

  /**
   * The forced tool that carries the answer on Anthropic (and on Gemini when the node has tools). Its parameters are the schema's root
   * object (LangChain4j wants a typed root there); each property goes raw.
   */
  static ToolSpecification answerTool(String name, ObjectNode schema) {
    ObjectNode wire = wireSchema(schema);
    String description =
        "Give your answer by calling this tool; its input is the answer."
            + (wire.path("description").isTextual() ? " " + wire.path("description").asText() : "");
    return tool(wireName(name), description, wire);
  }

  /** A tool the model may call, its input schema sent as written (properties raw, as for answers). */
  static ToolSpecification toolSpecification(ToolDefinition tool) {
    return tool(wireName(tool.name()), tool.description(), wireSchema(tool.parameters()));
  }

  private static ToolSpecification tool(String name, String description, ObjectNode wire) {
    JsonObjectSchema.Builder parameters = JsonObjectSchema.builder();
    for (Map.Entry<String, JsonNode> property : wire.path("properties").properties()) {
      parameters.addProperty(property.getKey(), JsonRawSchema.from(property.getValue().toString()));
    }
    List<String> required = new ArrayList<>();
    wire.path("required").forEach(r -> required.add(r.asText()));
    parameters.required(required);
    return ToolSpecification.builder().name(name).description(description).parameters(parameters.build()).build();
  }
}
