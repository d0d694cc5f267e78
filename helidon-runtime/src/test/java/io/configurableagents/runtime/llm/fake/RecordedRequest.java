package io.configurableagents.runtime.llm.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request a {@link FakeProviderServer} received, with the parts tests assert on already read
 * from the provider's wire format.
 *
 * @param headers lower-cased names
 * @param body the JSON body as sent
 * @param prompt the text of the user message(s)
 * @param schema the output schema in the provider's native place (OpenAI {@code
 *     response_format.json_schema.schema}, Gemini {@code responseJsonSchema} or {@code
 *     responseSchema}, Anthropic the first tool's {@code input_schema}), or a missing node
 * @param model the model named in the body (OpenAI, Anthropic) or in the path (Gemini)
 */
public record RecordedRequest(
    WireFormat wire,
    String path,
    Map<String, List<String>> headers,
    JsonNode body,
    String prompt,
    JsonNode schema,
    String model,
    Optional<Double> temperature,
    Optional<Integer> maxTokens,
    long receivedAtNanos) {

  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * The name of the requested output, {@code Output_<node>}: the schema's {@code title} (workflow
   * schemas carry one, and Gemini gets it), else OpenAI's {@code json_schema.name} or the name of
   * Anthropic's answer tool.
   */
  public Optional<String> outputName() {
    for (JsonNode name :
        List.of(schema.path("title"), body.at("/response_format/json_schema/name"), body.at("/tools/0/name"),
            body.at("/tools/0/functionDeclarations/0/name"))) {
      if (name.isTextual()) {
        return Optional.of(name.asText());
      }
    }
    return Optional.empty();
  }

  /** The node a request is for: {@link #outputName} without {@code Output_}. */
  public Optional<String> node() {
    return outputName().filter(n -> n.startsWith("Output_")).map(n -> n.substring("Output_".length()));
  }

  /** The results of tool calls this request sends back, in order (each result's text). */
  public List<String> toolResults() {
    return wire.toolResults(body);
  }

  /** The tools this request offers the model (without the answer tool). */
  public List<String> toolNames() {
    return wire.toolNames(body);
  }

  /** The system message or instruction, if the client sent one. */
  public Optional<String> systemPrompt() {
    return wire.systemPrompt(body);
  }
}
