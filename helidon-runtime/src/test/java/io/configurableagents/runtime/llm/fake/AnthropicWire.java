package io.configurableagents.runtime.llm.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Anthropic messages, {@code POST /v1/messages}. A structured answer comes back as a call of the
 * request's first tool (the forced answer tool); an answer that is not a JSON object (malformed
 * text) comes back as a text block, as a model that ignored the tool would answer.
 */
public final class AnthropicWire implements WireFormat {
  AnthropicWire() {}

  @Override
  public String prompt(JsonNode body) {
    StringBuilder text = new StringBuilder();
    for (JsonNode message : body.path("messages")) {
      if ("user".equals(message.path("role").asText())) {
        text.append(WireFormat.text(message.path("content")));
      }
    }
    return text.toString();
  }

  @Override
  public Optional<String> systemPrompt(JsonNode body) {
    JsonNode system = body.path("system");
    return system.isMissingNode() || system.isNull() ? Optional.empty() : Optional.of(WireFormat.text(system));
  }

  @Override
  public JsonNode schema(JsonNode body) {
    JsonNode inToolSchema = body.path("tools").path(0).path("input_schema");
    return inToolSchema.isMissingNode() ? body.path("output_config").path("format").path("schema") : inToolSchema;
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
    return WireFormat.integer(body.path("max_tokens"));
  }

  @Override
  public ObjectNode answer(
      RecordedRequest request, String answerText, Optional<JsonNode> answerObject, int inputTokens, int outputTokens) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "msg_fake_" + System.nanoTime());
    root.put("type", "message");
    root.put("role", "assistant");
    root.put("model", request.model());
    ObjectNode block = root.putArray("content").addObject();
    String tool = request.body().path("tools").path(0).path("name").asText("");
    boolean toolCall = !tool.isEmpty() && answerObject.filter(JsonNode::isObject).isPresent();
    if (toolCall) {
      block.put("type", "tool_use");
      block.put("id", "toolu_fake_" + System.nanoTime());
      block.put("name", tool);
      block.set("input", answerObject.get());
    } else {
      block.put("type", "text");
      block.put("text", answerText);
    }
    root.put("stop_reason", toolCall ? "tool_use" : "end_turn");
    root.putNull("stop_sequence");
    ObjectNode usage = root.putObject("usage");
    usage.put("input_tokens", inputTokens);
    usage.put("output_tokens", outputTokens);
    return root;
  }

  @Override
  public ObjectNode toolCalls(RecordedRequest request, java.util.List<FakeReply.Call> calls, int inputTokens, int outputTokens) {
    ObjectNode root = answer(request, "", Optional.empty(), inputTokens, outputTokens);
    com.fasterxml.jackson.databind.node.ArrayNode content = root.putArray("content");
    int i = 0;
    for (FakeReply.Call call : calls) {
      ObjectNode block = content.addObject().put("type", "tool_use").put("id", "toolu_fake_" + (++i)).put("name", call.name());
      block.set("input", call.arguments());
    }
    root.put("stop_reason", "tool_use");
    return root;
  }

  @Override
  public java.util.List<String> toolResults(JsonNode body) {
    java.util.List<String> results = new java.util.ArrayList<>();
    for (JsonNode message : body.path("messages")) {
      for (JsonNode block : message.path("content")) {
        if ("tool_result".equals(block.path("type").asText())) {
          results.add(WireFormat.text(block.path("content")));
        }
      }
    }
    return results;
  }

  @Override
  public java.util.List<String> toolNames(JsonNode body) {
    java.util.List<String> names = new java.util.ArrayList<>();
    body.path("tools").forEach(t -> names.add(t.path("name").asText()));
    return names.isEmpty() ? names : names.subList(1, names.size());
  }

  @Override
  public ObjectNode error(int status, String message) {
    ObjectNode root = JSON.createObjectNode();
    root.put("type", "error");
    ObjectNode error = root.putObject("error");
    error.put("type", errorType(status));
    error.put("message", message);
    return root;
  }

  private static String errorType(int status) {
    return switch (status) {
      case 400 -> "invalid_request_error";
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 404 -> "not_found_error";
      case 429 -> "rate_limit_error";
      case 529 -> "overloaded_error";
      default -> "api_error";
    };
  }
}
