package io.configurableagents.core.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The parsed form of a condition. Evaluation follows Python: {@code and}/{@code or} short-circuit
 * and yield an operand, comparisons chain ({@code 0 < x <= 10}), {@code not} yields a bool.
 */
sealed interface ConditionExpr {

  /** The always-true condition of an empty source and of {@code default}. */
  ConditionExpr ALWAYS = new Literal(Boolean.TRUE);

  /** The Python value of this expression in {@code state} (may be {@code null}, Python's None). */
  Object evaluate(Map<String, ?> state);

  /** Whether the value depends on the state (false for constants). */
  boolean readsState();

  /** A constant; {@code value} may be {@code null} (None). */
  record Literal(Object value) implements ConditionExpr {
    @Override
    public Object evaluate(Map<String, ?> state) {
      return value;
    }

    @Override
    public boolean readsState() {
      return false;
    }
  }

  /** A state path, walked through maps. */
  record Field(FieldRef ref) implements ConditionExpr {
    @Override
    public Object evaluate(Map<String, ?> state) {
      Object current = state;
      for (int i = 0; i < ref.path().size(); i++) {
        String key = ref.path().get(i);
        String walked = String.join(".", ref.path().subList(0, i));
        if (!(current instanceof Map<?, ?> map)) {
          throw cannotRead(walked + " is " + PythonValues.typeName(current) + ", not an object");
        }
        if (!map.containsKey(key)) {
          throw cannotRead(
              i == 0 ? "the state has no field '" + key + "'" : walked + " has no key '" + key + "'");
        }
        current = map.get(key);
      }
      return current;
    }

    private ConditionEvaluationException cannotRead(String why) {
      return new ConditionEvaluationException("cannot read " + ref.text() + ": " + why);
    }

    @Override
    public boolean readsState() {
      return true;
    }
  }

  /** A list display {@code [a, b]}. */
  record ListExpr(List<ConditionExpr> elements) implements ConditionExpr {
    public ListExpr {
      elements = List.copyOf(elements);
    }

    @Override
    public Object evaluate(Map<String, ?> state) {
      List<Object> values = new ArrayList<>(elements.size());
      for (ConditionExpr element : elements) {
        values.add(element.evaluate(state));
      }
      return Collections.unmodifiableList(values);
    }

    @Override
    public boolean readsState() {
      return elements.stream().anyMatch(ConditionExpr::readsState);
    }
  }

  record Not(ConditionExpr operand) implements ConditionExpr {
    @Override
    public Object evaluate(Map<String, ?> state) {
      return !PythonValues.isTruthy(operand.evaluate(state));
    }

    @Override
    public boolean readsState() {
      return operand.readsState();
    }
  }

  /** {@code a and b and c}: the first falsy operand, or the last one. */
  record And(List<ConditionExpr> operands) implements ConditionExpr {
    public And {
      operands = List.copyOf(operands);
    }

    @Override
    public Object evaluate(Map<String, ?> state) {
      Object value = null;
      for (ConditionExpr operand : operands) {
        value = operand.evaluate(state);
        if (!PythonValues.isTruthy(value)) {
          return value;
        }
      }
      return value;
    }

    @Override
    public boolean readsState() {
      return operands.stream().anyMatch(ConditionExpr::readsState);
    }
  }

  /** {@code a or b or c}: the first truthy operand, or the last one. */
  record Or(List<ConditionExpr> operands) implements ConditionExpr {
    public Or {
      operands = List.copyOf(operands);
    }

    @Override
    public Object evaluate(Map<String, ?> state) {
      Object value = null;
      for (ConditionExpr operand : operands) {
        value = operand.evaluate(state);
        if (PythonValues.isTruthy(value)) {
          return value;
        }
      }
      return value;
    }

    @Override
    public boolean readsState() {
      return operands.stream().anyMatch(ConditionExpr::readsState);
    }
  }

  /**
   * A comparison chain {@code first op1 x1 op2 x2}: true when every adjacent pair holds; stops at
   * the first that does not, and evaluates each operand at most once.
   */
  record Compare(ConditionExpr first, List<Step> steps) implements ConditionExpr {
    public Compare {
      steps = List.copyOf(steps);
    }

    /** One {@code op right} link; {@code text} is the source of {@code left op right}, for errors. */
    record Step(CompareOp op, ConditionExpr right, String text) {}

    @Override
    public Object evaluate(Map<String, ?> state) {
      Object left = first.evaluate(state);
      for (Step step : steps) {
        Object right = step.right().evaluate(state);
        try {
          if (!PythonValues.compare(step.op(), left, right)) {
            return Boolean.FALSE;
          }
        } catch (PythonValues.TypeError e) {
          throw new ConditionEvaluationException(step.text() + ": " + e.getMessage());
        }
        left = right;
      }
      return Boolean.TRUE;
    }

    @Override
    public boolean readsState() {
      return first.readsState() || steps.stream().anyMatch(step -> step.right().readsState());
    }
  }
}
