package io.configurableagents.core.expr;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders for the condition tests' states (JSON-model values, nulls allowed). */
final class ConditionTestSupport {
  private ConditionTestSupport() {}

  /** What parsing and evaluating a condition against a state gives. */
  enum Outcome {
    TRUE,
    FALSE,
    EVAL_ERROR,
    SYNTAX_ERROR;

    /** Whether a route with this condition is taken (an evaluation error counts as false). */
    boolean routeTaken() {
      return this == TRUE;
    }
  }

  static Outcome outcome(String condition, Map<String, ?> state) {
    Condition parsed;
    try {
      parsed = Condition.parse(condition);
    } catch (ExpressionSyntaxException e) {
      return Outcome.SYNTAX_ERROR;
    }
    try {
      return parsed.evaluate(state) ? Outcome.TRUE : Outcome.FALSE;
    } catch (ConditionEvaluationException e) {
      return Outcome.EVAL_ERROR;
    }
  }

  /** {@code state("a", 1, "b", null)}. */
  static Map<String, Object> state(Object... keysAndValues) {
    Map<String, Object> state = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      state.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(state);
  }

  /** A list that may hold nulls. */
  static List<Object> list(Object... elements) {
    return Arrays.asList(elements);
  }
}
