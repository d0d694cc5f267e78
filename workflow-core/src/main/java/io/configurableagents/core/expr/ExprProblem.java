package io.configurableagents.core.expr;

import java.util.Optional;

/**
 * One problem in a template or condition source.
 *
 * @param offset 0-based offset in the source where the problem is
 * @param message what is wrong
 * @param hint how to fix it ("did you mean...", "write {{ and }} for literal braces"), if any
 */
public record ExprProblem(int offset, String message, Optional<String> hint) {
  public static ExprProblem of(int offset, String message) {
    return new ExprProblem(offset, message, Optional.empty());
  }

  public static ExprProblem of(int offset, String message, String hint) {
    return new ExprProblem(offset, message, Optional.of(hint));
  }
}
