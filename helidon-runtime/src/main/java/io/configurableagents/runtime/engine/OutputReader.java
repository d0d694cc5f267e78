package io.configurableagents.runtime.engine;

import io.configurableagents.core.model.OutputSpec;
import io.configurableagents.core.model.TypeRef;
import io.configurableagents.core.types.Coercion;
import io.configurableagents.core.types.CoercionProblem;
import io.configurableagents.core.types.CoercionResult;
import io.configurableagents.runtime.llm.JsonAnswers;
import io.configurableagents.runtime.llm.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a model's answer into a node's updates: parses the JSON object ({@link JsonAnswers}: a
 * Markdown code fence around it is tolerated), takes {@code result} for a simple output and one
 * property per field otherwise, and coerces each value with the lax rules (docs/workflow-format.md,
 * "How values are coerced", element types included). Everything wrong is reported at once, so the clarification note
 * can name it.
 */
final class OutputReader {
  private static final String RESULT = "result";

  private final OutputSpec spec;
  private final List<String> outputs;

  OutputReader(OutputSpec spec, List<String> outputs) {
    this.spec = spec;
    this.outputs = List.copyOf(outputs);
  }

  /** Output field name to coerced value, or what is wrong with the answer. */
  Verdict<Map<String, Object>> read(String answer) {
    return switch (JsonAnswers.parseObject(answer)) {
      case Verdict.Invalid<Map<String, Object>> invalid -> Verdict.invalid(invalid.problem());
      case Verdict.Valid<Map<String, Object>> object -> readObject(object.value());
    };
  }

  private Verdict<Map<String, Object>> readObject(Map<String, Object> object) {
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
    return problems.isEmpty() ? Verdict.valid(values) : Verdict.invalid(String.join("; ", problems));
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
}
