package io.configurableagents.core.types;

import java.util.List;

/**
 * The outcome of a coercion: the coerced value (meaningful only when {@link #ok()}) and every
 * problem found.
 */
public record CoercionResult(Object value, List<CoercionProblem> problems) {
  public CoercionResult {
    problems = List.copyOf(problems);
  }

  public static CoercionResult of(Object value) {
    return new CoercionResult(value, List.of());
  }

  public static CoercionResult failed(List<CoercionProblem> problems) {
    return new CoercionResult(null, problems);
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
