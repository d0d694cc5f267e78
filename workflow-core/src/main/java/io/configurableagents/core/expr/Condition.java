package io.configurableagents.core.expr;

import java.util.List;
import java.util.Map;

/**
 * A route or edge condition, parsed once (workflow-format.md A.3; B 11.3 for what is kept).
 *
 * <p>Language: field paths {@code state.a.b} or {@code {state.a.b}}; literals (strings in
 * {@code ''} or {@code ""}, integers, decimals, {@code true/false/True/False},
 * {@code null/None}, lists {@code [...]}); comparisons {@code == != < <= > >=}; {@code in} and
 * {@code not in}; {@code not}, {@code and}, {@code or} with the usual precedence
 * ({@code not > and > or}); parentheses. Python comparison and truthiness rules. The empty string
 * and {@code default} are always true.
 */
public final class Condition {
  private final String source;

  private Condition(String source) {
    this.source = source;
  }

  /**
   * Parses a condition.
   *
   * @throws ExpressionSyntaxException with the offset of the first problem
   */
  public static Condition parse(String source) {
    throw new UnsupportedOperationException("Condition: not implemented yet");
  }

  public String source() {
    return source;
  }

  /** True for the route marker {@code default} (exact, as the reference compares it). */
  public boolean isDefault() {
    return "default".equals(source);
  }

  /** Every state path the condition reads, for validation against the declared fields. */
  public List<FieldRef> fieldRefs() {
    throw new UnsupportedOperationException("Condition: not implemented yet");
  }

  /**
   * Things worth a warning: an expression that mixes {@code and} and {@code or} without
   * parentheses (the reference groups it the other way round).
   */
  public List<ExprProblem> warnings() {
    throw new UnsupportedOperationException("Condition: not implemented yet");
  }

  /**
   * Evaluates against a state (field name to JSON-model value, plus hidden values such as
   * {@code _loop_iteration_<node>}).
   *
   * @throws ConditionEvaluationException when Python would raise: ordering incompatible types
   *     ({@code "a" < 1}), {@code in} on a non-container, a path through a non-map. Callers treat it
   *     as false, as the reference does, and may report it.
   */
  public boolean evaluate(Map<String, ?> state) {
    throw new UnsupportedOperationException("Condition: not implemented yet");
  }

  @Override
  public String toString() {
    return source;
  }
}
