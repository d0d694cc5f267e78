package io.configurableagents.runtime.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.configurableagents.core.model.OutputSpec;
import io.configurableagents.core.model.TypeRef;
import io.configurableagents.core.types.Coercion;
import io.configurableagents.core.types.CoercionProblem;
import io.configurableagents.core.types.CoercionResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a model's answer into a node's updates: parses the JSON, takes {@code result} for a simple
 * output and one property per field otherwise, and coerces each value with the lax rules
 * (workflow-format.md B 4.2, element types included). Everything wrong is reported at once, so
 * the clarification note can name it.
 */
final class OutputReader {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
  private static final String RESULT = "result";

  private final OutputSpec spec;
  private final List<String> outputs;

  OutputReader(OutputSpec spec, List<String> outputs) {
    this.spec = spec;
    this.outputs = List.copyOf(outputs);
  }

  /** The answer read, or why it cannot be used. */
  sealed interface Reading {
    /** Output field name to coerced value. */
    record Accepted(Map<String, Object> values) implements Reading {}

    record Rejected(String problem) implements Reading {}
  }

  Reading read(String answer) {
    Object parsed;
    try {
      parsed = JSON.readValue(stripFences(answer), Object.class);
    } catch (JsonProcessingException e) {
      return new Reading.Rejected("the answer is not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (!(parsed instanceof Map<?, ?> object)) {
      return new Reading.Rejected("the answer is " + kind(parsed) + ", not a JSON object");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    switch (spec) {
      case OutputSpec.Simple simple -> read(object, RESULT, simple.type(), outputs.get(0), values, problems);
      case OutputSpec.Fields fields -> {
        for (OutputSpec.OutputField f : fields.fields()) {
          read(object, f.name(), f.type(), f.name(), values, problems);
        }
      }
    }
    return problems.isEmpty() ? new Reading.Accepted(values) : new Reading.Rejected(String.join("; ", problems));
  }

  private static void read(
      Map<?, ?> object, String property, TypeRef type, String output, Map<String, Object> values, List<String> problems) {
    if (!object.containsKey(property)) {
      problems.add("property \"" + property + "\" is missing");
      return;
    }
    Object value = object.get(property);
    if (value == null) {
      problems.add(property + ": expected " + type.typeString() + ", got null");
      return;
    }
    CoercionResult coerced = Coercion.coerce(value, type, property);
    if (coerced.ok()) {
      values.put(output, coerced.value());
    } else {
      coerced.problems().stream().map(CoercionProblem::toString).forEach(problems::add);
    }
  }

  /** Models sometimes wrap JSON in a Markdown code fence even when asked for JSON only. */
  static String stripFences(String answer) {
    String s = answer.strip();
    if (!s.startsWith("```")) {
      return s;
    }
    int firstLine = s.indexOf('\n');
    int end = s.lastIndexOf("```");
    if (firstLine < 0 || end <= firstLine) {
      return s;
    }
    return s.substring(firstLine + 1, end).strip();
  }

  private static String kind(Object parsed) {
    if (parsed == null) {
      return "null";
    }
    if (parsed instanceof List<?>) {
      return "a JSON array";
    }
    if (parsed instanceof String) {
      return "a JSON string";
    }
    return "a JSON " + (parsed instanceof Boolean ? "boolean" : "number");
  }
}
