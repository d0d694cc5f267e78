package io.configurableagents.core.expr;

import io.configurableagents.core.WorkflowException;
import java.util.List;

/** A template or condition that does not parse; lists every problem found. */
public final class ExpressionSyntaxException extends WorkflowException {
  private static final long serialVersionUID = 1L;
  private final transient List<ExprProblem> problems;

  public ExpressionSyntaxException(List<ExprProblem> problems) {
    super(problems.isEmpty() ? "syntax error" : problems.get(0).message());
    this.problems = List.copyOf(problems);
  }

  public List<ExprProblem> problems() {
    return problems;
  }
}
