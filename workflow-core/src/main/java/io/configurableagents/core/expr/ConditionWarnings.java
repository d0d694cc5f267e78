package io.configurableagents.core.expr;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The warnings a condition can earn: valid, but probably not what its author means. */
final class ConditionWarnings {
  private ConditionWarnings() {}

  /** A stretch of source text. */
  record Span(int start, int end) {}

  /**
   * An unparenthesised chain mixing {@code and} and {@code or}: we group it as Python does, the
   * reference runtime grouped it the other way round.
   *
   * @param operands the chain's operands, in order
   * @param operators {@code "and"} or {@code "or"} between each pair of operands
   */
  static ExprProblem mixedAndOr(String source, List<Span> operands, List<String> operators) {
    return ExprProblem.of(
        operands.get(0).start(),
        "'and' binds tighter than 'or': this reads as "
            + group(source, operands, operators, "and")
            + ", but the Python reference runtime grouped it as "
            + group(source, operands, operators, "or"),
        "perhaps you should add parentheses to say which you mean");
  }

  /** Writes the chain with parentheses around the runs joined by {@code tight}. */
  private static String group(String source, List<Span> operands, List<String> operators, String tight) {
    String loose = tight.equals("and") ? "or" : "and";
    StringBuilder out = new StringBuilder();
    int runStart = 0;
    for (int i = 0; i < operands.size(); i++) {
      boolean runEnds = i == operands.size() - 1 || operators.get(i).equals(loose);
      if (runEnds) {
        boolean wrap = i > runStart;
        out.append(wrap ? "(" : "");
        for (int j = runStart; j <= i; j++) {
          Span span = operands.get(j);
          out.append(j > runStart ? " " + tight + " " : "").append(source, span.start(), span.end());
        }
        out.append(wrap ? ")" : "").append(i < operands.size() - 1 ? " " + loose + " " : "");
        runStart = i + 1;
      }
    }
    return out.toString();
  }

  /** A comparison with a constant on both sides, such as {@code status == 'approved'}. */
  static ExprProblem constantComparison(String text, int offset, Optional<String> bareWord) {
    String message = text + " compares two constants, so its result never changes";
    return bareWord
        .map(word -> ExprProblem.of(offset, message, "did you mean state." + word + "?"))
        .orElseGet(() -> ExprProblem.of(offset, message));
  }

  /** {@code none}, {@code NULL}...: in a comparison they are text, not None. */
  static ExprProblem nullLookalike(String word, int offset) {
    return ExprProblem.of(
        offset, "'" + word + "' is compared as the text \"" + word + "\"", "did you mean None (or null)?");
  }

  /** A condition that reads no state field at all. */
  static ExprProblem readsNoField(ConditionExpr root, int offset) {
    String outcome;
    try {
      boolean value = PythonValues.isTruthy(root.evaluate(Map.of()));
      outcome = value ? "so it is always true" : "so it is always false";
    } catch (ConditionEvaluationException e) {
      outcome = "so it always fails (" + e.getMessage() + ")";
    }
    return ExprProblem.of(
        offset,
        "the condition reads no state field, " + outcome,
        "perhaps you should refer to a field as state.<name>");
  }
}
