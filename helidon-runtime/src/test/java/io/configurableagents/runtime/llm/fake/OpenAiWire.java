package io.configurableagents.runtime.llm.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** OpenAI chat completions, {@code POST /v1/chat/completions}. */
public final class OpenAiWire implements WireFormat {
  OpenAiWire() {}

  @Override
  public String prompt(JsonNode body) {
    return messagesText(body, "user");
  }

  @Override
  public Optional<String> systemPrompt(JsonNode body) {
    String system = messagesText(body, "system");
    return system.isEmpty() ? Optional.empty() : Optional.of(system);
  }

  @Override
  public JsonNode schema(JsonNode body) {
    return body.path("response_format").path("json_schema").path("schema");
  }

  @Override
  public String model(String path, JsonNode body) {
    return body.path("model").asText();
  }

  @Override
  public Optional<Double> temperature(JsonNode body) {
    return WireFormat.number(body.path("temperature"));
  }

  @Override
  public Optional<Integer> maxTokens(JsonNode body) {
    return WireFormat.integer(body.path("max_tokens")).or(() -> WireFormat.integer(body.path("max_completion_tokens")));
  }

  @Override
  public ObjectNode answer(
      RecordedRequest request, String answerText, Optional<JsonNode> answerObject, int inputTokens, int outputTokens) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-fake-" + System.nanoTime());
    root.put("object", "chat.completion");
    root.put("created", System.currentTimeMillis() / 1000);
    root.put("model", request.model());
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", answerText);
    choice.put("finish_reason", "stop");
    ObjectNode usage = root.putObject("usage");
    usage.put("prompt_tokens", inputTokens);
    usage.put("completion_tokens", outputTokens);
    usage.put("total_tokens", inputTokens + outputTokens);
    return root;
  }

  @Override
  public ObjectNode toolCalls(RecordedRequest request, java.util.List<FakeReply.Call> calls, int inputTokens, int outputTokens) {
    ObjectNode root = answer(request, "", Optional.empty(), inputTokens, outputTokens);
    ObjectNode choice = (ObjectNode) root.path("choices").get(0);
    ObjectNode message = (ObjectNode) choice.path("message");
    message.putNull("content");
    com.fasterxml.jackson.databind.node.ArrayNode list = message.putArray("tool_calls");
    int i = 0;
    for (FakeReply.Call call : calls) {
      ObjectNode c = list.addObject().put("id", "call_fake_" + (++i)).put("type", "function");
      c.putObject("function").put("name", call.name()).put("arguments", call.arguments().toString());
    }
    choice.put("finish_reason", "tool_calls");
    return root;
  }

  @Override
  public java.util.List<String> toolResults(JsonNode body) {
    java.util.List<String> results = new java.util.ArrayList<>();
    for (JsonNode message : body.path("messages")) {
      if ("tool".equals(message.path("role").asText())) {
        results.add(WireFormat.text(message.path("content")));
      }
    }
    return results;
  }

  @Override
  public java.util.List<String> toolNames(JsonNode body) {
    java.util.List<String> names = new java.util.ArrayList<>();
    body.path("tools").forEach(t -> names.add(t.path("function").path("name").asText()));
    return names;
  }

  @Override
  public ObjectNode error(int status, String message) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("message", message);
    error.put("type", status == 429 ? "requests" : status >= 500 ? "server_error" : "invalid_request_error");
    error.putNull("param");
    error.put("code", status == 401 ? "invalid_api_key" : status == 429 ? "rate_limit_exceeded" : null);
    return root;
  }

  private static String messagesText(JsonNode body, String role) {
    StringBuilder text = new StringBuilder();
    for (JsonNode message : body.path("messages")) {
      if (role.equals(message.path("role").asText())) {
        text.append(WireFormat.text(message.path("content")));
      }
    }
    return text.toString();
  }
}
