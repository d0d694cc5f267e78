package io.configurableagents.runtime.llm.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** How one provider's API reads requests and writes answers and errors. */
public sealed interface WireFormat permits OpenAiWire, AnthropicWire, GeminiWire {
  ObjectMapper JSON = new ObjectMapper();

  OpenAiWire OPENAI = new OpenAiWire();
  AnthropicWire ANTHROPIC = new AnthropicWire();
  GeminiWire GEMINI = new GeminiWire();

  /** The wire format a request path belongs to, with the model a Gemini path names. */
  static Optional<WireFormat> forPath(String path) {
    if (path.endsWith("/chat/completions")) {
      return Optional.of(OPENAI);
    }
    if (path.endsWith("/v1/messages")) {
      return Optional.of(ANTHROPIC);
    }
    if (path.contains("/models/") && path.endsWith(":generateContent")) {
      return Optional.of(GEMINI);
    }
    return Optional.empty();
  }

  String prompt(JsonNode body);

  Optional<String> systemPrompt(JsonNode body);

  JsonNode schema(JsonNode body);

  String model(String path, JsonNode body);

  Optional<Double> temperature(JsonNode body);

  Optional<Integer> maxTokens(JsonNode body);

  /**
   * The body of a successful answer.
   *
   * @param answerText the answer as JSON text (or arbitrary text for malformed answers)
   * @param answerObject the answer as an object, when it is one
   */
  ObjectNode answer(RecordedRequest request, String answerText, Optional<JsonNode> answerObject, int inputTokens, int outputTokens);

  /** The body of an answer that asks for tool calls, in the provider's format. */
  ObjectNode toolCalls(RecordedRequest request, java.util.List<FakeReply.Call> calls, int inputTokens, int outputTokens);

  /** The results of tool calls the request sends back, in order: each result's text. */
  java.util.List<String> toolResults(JsonNode body);

  /** The names of the tools the request offers (the answer tool of Anthropic and Gemini left out). */
  java.util.List<String> toolNames(JsonNode body);

  /** The body of an error, shaped as the provider shapes it. */
  ObjectNode error(int status, String message);

  static Optional<Double> number(JsonNode node) {
    return node.isNumber() ? Optional.of(node.doubleValue()) : Optional.empty();
  }

  static Optional<Integer> integer(JsonNode node) {
    return node.isIntegralNumber() ? Optional.of(node.intValue()) : Optional.empty();
  }

  /** The text of a message content: a string, or the text parts of a list. */
  static String text(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) {
      if (part.path("text").isTextual()) {
        text.append(part.path("text").asText());
      }
    }
    return text.toString();
  }
}
