package io.configurableagents.runtime.http;

import io.configurableagents.core.types.CoercionProblem;
import io.helidon.http.Status;
import java.util.List;

/** Inputs that do not fit the workflow's state: every problem, by field path. Answered with 422. */
public final class InvalidInputsException extends HttpProblem {
  private static final long serialVersionUID = 1L;
  private final transient List<CoercionProblem> problems;

  public InvalidInputsException(List<CoercionProblem> problems) {
    super(Status.UNPROCESSABLE_CONTENT_422, "invalid_inputs", summary(problems));
    this.problems = List.copyOf(problems);
  }

  public List<CoercionProblem> problems() {
    return problems;
  }

  private static String summary(List<CoercionProblem> problems) {
    return problems.size() == 1
        ? "1 input is invalid: " + problems.getFirst()
        : problems.size() + " inputs are invalid; see problems";
  }
}
