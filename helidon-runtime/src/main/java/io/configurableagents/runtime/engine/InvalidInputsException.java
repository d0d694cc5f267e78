package io.configurableagents.runtime.engine;

import io.configurableagents.core.WorkflowException;
import io.configurableagents.core.types.CoercionProblem;
import java.util.List;

/** Inputs that do not fit the workflow's state: every problem, by field path (the API answers 422). */
public final class InvalidInputsException extends WorkflowException {
  private static final long serialVersionUID = 1L;
  private final transient List<CoercionProblem> problems;

  public InvalidInputsException(List<CoercionProblem> problems) {
    super(summary(problems));
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
