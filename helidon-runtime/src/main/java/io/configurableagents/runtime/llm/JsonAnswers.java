package io.configurableagents.runtime.llm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a raw answer as a JSON object, in the data model workflow-core's {@code Coercion} takes:
 * {@code String}, {@code Long} (or {@code BigInteger} beyond it), {@code Double}, {@code Boolean},
 * {@code List}, insertion-ordered {@code Map}, {@code null}. A Markdown code fence around the JSON
 * (some models add one in non-strict modes) is tolerated.
 */
public final class JsonAnswers {
  /** Buffers from a shared pool: answers are read on short-lived virtual threads (see JobJson). */
  private static final ObjectMapper JSON =
      JsonMapper.builder(JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedBoundedPool()).build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final int MAX_QUOTED = 60;

  private JsonAnswers() {}

  public static Verdict<Map<String, Object>> parseObject(String rawText) {
    String text = unfenced(rawText.strip());
    if (text.isEmpty()) {
      return Verdict.invalid("the answer was empty; expected a JSON object");
    }
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return Verdict.invalid("the answer is not valid JSON (" + e.getOriginalMessage() + "): " + quoted(text));
    }
    if (node == null || !node.isObject()) {
      return Verdict.invalid("the answer is JSON but not an object: " + quoted(text));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> value = (Map<String, Object>) toJava(node);
    return Verdict.valid(value);
  }

  private static Object toJava(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), toJava(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(element -> list.add(toJava(element)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isNull() ? null : node.asText();
  }

  private static String unfenced(String text) {
    if (!text.startsWith("```")) {
      return text;
    }
    int firstNewline = text.indexOf('\n');
    int closing = text.lastIndexOf("```");
    return firstNewline < 0 || closing <= firstNewline ? text : text.substring(firstNewline + 1, closing).strip();
  }

  private static String quoted(String text) {
    return text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "...";
  }
}
