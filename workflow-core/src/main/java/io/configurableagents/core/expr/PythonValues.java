package io.configurableagents.core.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Python's comparison, membership and truthiness rules over JSON-model values (docs/conditions.md,
 * "How values compare (Python's rules)"). {@code null} is {@code None}; integral numbers are {@code int}; {@code Double},
 * {@code Float} and {@code BigDecimal} are {@code float}; {@code Boolean} is {@code bool} (0/1 in
 * numeric comparisons); {@code List} (any {@code Collection}) is {@code list}; {@code Map} is
 * {@code dict}.
 */
final class PythonValues {
  private PythonValues() {}

  /** Python raised a {@code TypeError}; the message is Python's. Never leaves this package. */
  static final class TypeError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TypeError(String message) {
      super(message, null, false, false);
    }
  }

  static boolean isTruthy(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number n) {
      return isFloat(n) ? toDouble(n) != 0.0 : integral(n).signum() != 0;
    }
    if (value instanceof CharSequence s) {
      return s.length() > 0;
    }
    if (value instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (value instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return true;
  }

  /** {@code left <op> right}. */
  static boolean compare(CompareOp op, Object left, Object right) {
    return switch (op) {
      case EQ -> equal(left, right);
      case NE -> !equal(left, right);
      case IN -> contains(right, left);
      case NOT_IN -> !contains(right, left);
      default -> order(op, left, right);
    };
  }

  /** Python {@code ==}: numbers (and bools) by value, otherwise same type and equal contents. */
  static boolean equal(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (isNumeric(a) && isNumeric(b)) {
      OptionalInt c = compareNumbers(a, b);
      return c.isPresent() && c.getAsInt() == 0;
    }
    if (a instanceof CharSequence || b instanceof CharSequence) {
      return a instanceof CharSequence && b instanceof CharSequence && a.toString().equals(b.toString());
    }
    if (a instanceof Collection<?> ca && b instanceof Collection<?> cb) {
      return equalElements(asList(ca), asList(cb));
    }
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      return equalMaps(ma, mb);
    }
    return a.equals(b);
  }

  private static boolean equalElements(List<?> a, List<?> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!equal(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean equalMaps(Map<?, ?> a, Map<?, ?> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (Map.Entry<?, ?> entry : a.entrySet()) {
      if (!b.containsKey(entry.getKey()) || !equal(entry.getValue(), b.get(entry.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Python {@code item in container}. */
  static boolean contains(Object container, Object item) {
    if (container instanceof CharSequence text) {
      if (!(item instanceof CharSequence part)) {
        throw new TypeError("'in <string>' requires string as left operand, not " + typeName(item));
      }
      return text.toString().contains(part);
    }
    if (container instanceof Collection<?> elements) {
      return elements.stream().anyMatch(element -> element == item || equal(item, element));
    }
    if (container instanceof Map<?, ?> map) {
      if (item instanceof Collection<?> || item instanceof Map<?, ?>) {
        throw new TypeError("unhashable type: '" + typeName(item) + "'");
      }
      return map.keySet().stream().anyMatch(key -> equal(item, key));
    }
    throw new TypeError("argument of type '" + typeName(container) + "' is not iterable");
  }

  /** Python {@code < <= > >=}: numbers with numbers, strings by code point, lists element-wise. */
  private static boolean order(CompareOp op, Object a, Object b) {
    if (isNumeric(a) && isNumeric(b)) {
      OptionalInt c = compareNumbers(a, b);
      return c.isPresent() && op.accepts(c.getAsInt());
    }
    if (a instanceof CharSequence sa && b instanceof CharSequence sb) {
      return op.accepts(compareCodePoints(sa.toString(), sb.toString()));
    }
    if (a instanceof Collection<?> ca && b instanceof Collection<?> cb) {
      return orderLists(op, asList(ca), asList(cb));
    }
    throw new TypeError(
        "'" + op.symbol() + "' not supported between instances of '" + typeName(a) + "' and '"
            + typeName(b) + "'");
  }

  private static boolean orderLists(CompareOp op, List<?> a, List<?> b) {
    int common = Math.min(a.size(), b.size());
    for (int i = 0; i < common; i++) {
      if (!equal(a.get(i), b.get(i))) {
        return order(op, a.get(i), b.get(i));
      }
    }
    return op.accepts(Integer.compare(a.size(), b.size()));
  }

  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /** Exact comparison as Python does it (int with float included); empty when a NaN is involved. */
  static OptionalInt compareNumbers(Object a, Object b) {
    if (!isFloat(a) && !isFloat(b)) {
      return OptionalInt.of(integral(a).compareTo(integral(b)));
    }
    double x = isFloat(a) ? toDouble(a) : 0.0;
    double y = isFloat(b) ? toDouble(b) : 0.0;
    if (Double.isNaN(x) || Double.isNaN(y)) {
      return OptionalInt.empty();
    }
    boolean infiniteA = Double.isInfinite(x);
    boolean infiniteB = Double.isInfinite(y);
    if (infiniteA && infiniteB) {
      return OptionalInt.of(Double.compare(x, y));
    }
    if (infiniteA || infiniteB) {
      return OptionalInt.of(infiniteA ? (x > 0 ? 1 : -1) : (y > 0 ? -1 : 1));
    }
    return OptionalInt.of(exact(a).compareTo(exact(b)));
  }

  static String typeName(Object value) {
    if (value == null) {
      return "NoneType";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof Number n) {
      return isFloat(n) ? "float" : "int";
    }
    if (value instanceof CharSequence) {
      return "str";
    }
    if (value instanceof Collection<?>) {
      return "list";
    }
    if (value instanceof Map<?, ?>) {
      return "dict";
    }
    return value.getClass().getSimpleName();
  }

  private static List<?> asList(Collection<?> elements) {
    return elements instanceof List<?> list ? list : new ArrayList<>(elements);
  }

  private static boolean isNumeric(Object value) {
    return value instanceof Number || value instanceof Boolean;
  }

  private static boolean isFloat(Object value) {
    return value instanceof Number
        && !(value instanceof Integer
            || value instanceof Long
            || value instanceof Short
            || value instanceof Byte
            || value instanceof BigInteger
            || value instanceof AtomicInteger
            || value instanceof AtomicLong);
  }

  private static double toDouble(Object number) {
    return ((Number) number).doubleValue();
  }

  private static BigInteger integral(Object value) {
    if (value instanceof Boolean b) {
      return b ? BigInteger.ONE : BigInteger.ZERO;
    }
    return value instanceof BigInteger big ? big : BigInteger.valueOf(((Number) value).longValue());
  }

  private static BigDecimal exact(Object value) {
    return isFloat(value) ? new BigDecimal(toDouble(value)) : new BigDecimal(integral(value));
  }
}
