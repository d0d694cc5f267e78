package io.configurableagents.runtime.llm.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** Gemini {@code POST /v1beta/models/{model}:generateContent}. */
public final class GeminiWire implements WireFormat {
  GeminiWire() {}

  @Override
  public String prompt(JsonNode body) {
    StringBuilder text = new StringBuilder();
    for (JsonNode content : body.path("contents")) {
      if ("user".equals(content.path("role").asText("user"))) {
        text.append(WireFormat.text(content.path("parts")));
      }
    }
    return text.toString();
  }

  @Override
  public Optional<String> systemPrompt(JsonNode body) {
    JsonNode system = body.path("systemInstruction");
    return system.isMissingNode() || system.isNull() ? Optional.empty() : Optional.of(WireFormat.text(system.path("parts")));
  }

  @Override
  public JsonNode schema(JsonNode body) {
    JsonNode config = body.path("generationConfig");
    if (!config.has("responseJsonSchema") && !config.has("responseSchema")) {
      JsonNode answerFunction = answerFunction(body);
      return answerFunction.has("parametersJsonSchema") ? answerFunction.path("parametersJsonSchema") : answerFunction.path("parameters");
    }
    return config.has("responseJsonSchema") ? config.path("responseJsonSchema") : config.path("responseSchema");
  }

  @Override
  public String model(String path, JsonNode body) {
    int start = path.indexOf("/models/") + "/models/".length();
    return path.substring(start, path.lastIndexOf(':'));
  }

  @Override
  public Optional<Double> temperature(JsonNode body) {
    return WireFormat.number(body.path("generationConfig").path("temperature"));
  }

  @Override
  public Optional<Integer> maxTokens(JsonNode body) {
    return WireFormat.integer(body.path("generationConfig").path("maxOutputTokens"));
  }

  @Override
  public ObjectNode answer(
      RecordedRequest request, String answerText, Optional<JsonNode> answerObject, int inputTokens, int outputTokens) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode candidate = root.putArray("candidates").addObject();
    ObjectNode content = candidate.putObject("content");
    String function = answerFunction(request.body()).path("name").asText("");
    if (!function.isEmpty() && answerObject.filter(JsonNode::isObject).isPresent()) {
      ObjectNode call = content.putArray("parts").addObject().putObject("functionCall").put("name", function);
      call.set("args", answerObject.get());
    } else {
      content.putArray("parts").addObject().put("text", answerText);
    }
    content.put("role", "model");
    candidate.put("finishReason", "STOP");
    candidate.put("index", 0);
    ObjectNode usage = root.putObject("usageMetadata");
    usage.put("promptTokenCount", inputTokens);
    usage.put("candidatesTokenCount", outputTokens);
    usage.put("totalTokenCount", inputTokens + outputTokens);
    root.put("modelVersion", request.model());
    return root;
  }

  @Override
  public ObjectNode toolCalls(RecordedRequest request, java.util.List<FakeReply.Call> calls, int inputTokens, int outputTokens) {
    ObjectNode root = answer(request, "", Optional.empty(), inputTokens, outputTokens);
    ObjectNode content = (ObjectNode) root.path("candidates").get(0).path("content");
    com.fasterxml.jackson.databind.node.ArrayNode parts = content.putArray("parts");
    for (FakeReply.Call call : calls) {
      ObjectNode functionCall = parts.addObject().putObject("functionCall").put("name", call.name());
      functionCall.set("args", call.arguments());
    }
    return root;
  }

  @Override
  public java.util.List<String> toolResults(JsonNode body) {
    java.util.List<String> results = new java.util.ArrayList<>();
    for (JsonNode content : body.path("contents")) {
      for (JsonNode part : content.path("parts")) {
        JsonNode response = part.path("functionResponse").path("response");
        if (!response.isMissingNode()) {
          results.add(response.path("response").isTextual() ? response.path("response").asText() : response.toString());
        }
      }
    }
    return results;
  }

  @Override
  public java.util.List<String> toolNames(JsonNode body) {
    java.util.List<String> names = new java.util.ArrayList<>();
    body.path("tools").forEach(t -> t.path("functionDeclarations").forEach(f -> names.add(f.path("name").asText())));
    return names.isEmpty() ? names : names.subList(1, names.size());
  }

  /** With tools, the first function declared is the answer function {@code Output_<node>}. */
  private static JsonNode answerFunction(JsonNode body) {
    return body.path("tools").path(0).path("functionDeclarations").path(0);
  }

  @Override
  public ObjectNode error(int status, String message) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("code", status);
    error.put("message", message);
    error.put("status", grpcStatus(status));
    return root;
  }

  private static String grpcStatus(int status) {
    return switch (status) {
      case 400 -> "INVALID_ARGUMENT";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "PERMISSION_DENIED";
      case 404 -> "NOT_FOUND";
      case 429 -> "RESOURCE_EXHAUSTED";
      case 503 -> "UNAVAILABLE";
      default -> "INTERNAL";
    };
  }
}
