package io.configurableagents.core.expr;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A route or edge condition, parsed once (docs/conditions.md; its "Differences from the Python reference runtime" for what is kept).
 *
 * <p>Language: field paths {@code state.a.b} or {@code {state.a.b}}; literals (strings in
 * {@code ''} or {@code ""}, integers, decimals, {@code true/false/True/False},
 * {@code null/None}, lists {@code [...]}); comparisons {@code == != < <= > >=}; {@code in} and
 * {@code not in}; {@code not}, {@code and}, {@code or} with the usual precedence
 * ({@code not > and > or}); parentheses. Python comparison and truthiness rules. The empty string
 * and {@code default} are always true. {@code docs/conditions.md} is the user reference, with every
 * deliberate difference from the reference runtime.
 */
public final class Condition {
  private final String source;
  private final ConditionExpr root;
  private final List<FieldRef> fieldRefs;
  private final List<ExprProblem> warnings;

  private Condition(String source, ConditionExpr root, List<FieldRef> fieldRefs, List<ExprProblem> warnings) {
    this.source = source;
    this.root = root;
    this.fieldRefs = List.copyOf(fieldRefs);
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Parses a condition. Leading and trailing white space is ignored; offsets count from the start
   * of {@code source} as given.
   *
   * @throws ExpressionSyntaxException with the offset of the first problem and, where one helps, a
   *     hint ({@code =} gives "did you mean '=='?")
   */
  public static Condition parse(String source) {
    Objects.requireNonNull(source, "source");
    String trimmed = source.strip();
    if (trimmed.isEmpty() || trimmed.equals("default")) {
      return new Condition(source, ConditionExpr.ALWAYS, List.of(), List.of());
    }
    ConditionParser.Result parsed = ConditionParser.parse(source);
    return new Condition(source, parsed.root(), parsed.fieldRefs(), parsed.warnings());
  }

  public String source() {
    return source;
  }

  /** True for the route marker {@code default} (exact, as the reference compares it). */
  public boolean isDefault() {
    return "default".equals(source);
  }

  /**
   * Every state path the condition reads, in source order, for validation against the declared
   * fields: {@code state.a.b} and {@code {state.a.b}} ({@code statePrefixed}), {@code {a.b}} and a
   * bare word used as a truthiness test ({@code state.x > 1 and approved}), not prefixed. Bare words
   * that are compared ({@code state.status == approved}) are text, not references.
   */
  public List<FieldRef> fieldRefs() {
    return fieldRefs;
  }

  /**
   * Things worth a warning: an expression that mixes {@code and} and {@code or} without
   * parentheses (the reference groups it the other way round), a comparison of two constants, a
   * null look-alike compared as text ({@code none}), a condition that reads no field. Sorted by
   * offset.
   */
  public List<ExprProblem> warnings() {
    return warnings;
  }

  /**
   * Evaluates against a state (field name to JSON-model value, plus hidden values such as
   * {@code _loop_iteration_<node>}).
   *
   * @throws ConditionEvaluationException when Python would raise: ordering incompatible types
   *     ({@code "a" < 1}), {@code in} on a non-container, a path through a non-map or to a missing
   *     field. Callers treat it as false, as the reference does, and may report it. The message
   *     names the comparison or path and the types involved, never the values.
   */
  public boolean evaluate(Map<String, ?> state) {
    Objects.requireNonNull(state, "state");
    return PythonValues.isTruthy(root.evaluate(state));
  }

  /** Conditions are equal when their sources are (parsing is deterministic). */
  @Override
  public boolean equals(Object other) {
    return other instanceof Condition that && source.equals(that.source);
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }

  @Override
  public String toString() {
    return source;
  }
}
