package io.configurableagents.core.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers for JSON-model values: number normalisation, deep copies of untyped content, short
 * descriptions for messages, and field paths.
 */
final class JsonValues {
  static final int MAX_SHOWN = 60;
  static final String NOT_FINITE = "only finite numbers are accepted; JSON cannot carry NaN or Infinity";
  static final String OUT_OF_RANGE = "it is outside the 64-bit integer range";
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private JsonValues() {}

  static boolean isIntegral(Object v) {
    return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger;
  }

  static boolean isDecimal(Object v) {
    return v instanceof Double || v instanceof Float || v instanceof BigDecimal;
  }

  static boolean fitsLong(BigInteger big) {
    return big.compareTo(LONG_MIN) >= 0 && big.compareTo(LONG_MAX) <= 0;
  }

  /** The double a decimal stands for; a {@code Float} keeps its short decimal form (0.1f is 0.1). */
  static double toDouble(Object decimal) {
    return decimal instanceof Float f ? Double.parseDouble(Float.toString(f)) : ((Number) decimal).doubleValue();
  }

  /**
   * A deep copy of untyped content with numbers normalised to {@code Long}/{@code Double} and
   * containers made unmodifiable; anything that is not a JSON value is reported.
   */
  static Object copy(Object value, String path, List<CoercionProblem> problems) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long) {
      return value;
    }
    if (isIntegral(value)) {
      BigInteger big = value instanceof BigInteger b ? b : BigInteger.valueOf(((Number) value).longValue());
      return fitsLong(big) ? big.longValue() : reject(path, value, OUT_OF_RANGE, problems);
    }
    if (isDecimal(value)) {
      double d = toDouble(value);
      return Double.isFinite(d) ? d : reject(path, value, NOT_FINITE, problems);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(copy(list.get(i), Paths.index(path, i), problems));
      }
      return Collections.unmodifiableList(out);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> {
        if (k instanceof String key) {
          out.put(key, copy(v, Paths.key(path, key), problems));
        } else {
          problems.add(new CoercionProblem(path, "object keys must be strings, got " + describe(k)));
        }
      });
      return Collections.unmodifiableMap(out);
    }
    return reject(path, value, "", problems);
  }

  private static Object reject(String path, Object value, String detail, List<CoercionProblem> problems) {
    problems.add(new CoercionProblem(path, "not a JSON value: " + describe(value) + (detail.isEmpty() ? "" : " (" + detail + ")")));
    return null;
  }

  /**
   * A short description of a value for messages: {@code "seven"}, {@code int 5}, {@code float 5.5},
   * {@code bool true}, {@code null}, {@code list}, {@code object}. Long text is cut.
   */
  static String describe(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return quote(s);
    }
    if (v instanceof Boolean) {
      return "bool " + v;
    }
    if (isIntegral(v)) {
      return "int " + cut(v.toString());
    }
    if (isDecimal(v)) {
      return "float " + cut(v instanceof BigDecimal d ? d.toString() : Double.toString(toDouble(v)));
    }
    if (v instanceof List<?>) {
      return "list";
    }
    if (v instanceof Map<?, ?>) {
      return "object";
    }
    return "a Java " + v.getClass().getSimpleName();
  }

  /** A string in double quotes with JSON escapes, cut to {@value #MAX_SHOWN} characters. */
  static String quote(String s) {
    boolean cut = s.length() > MAX_SHOWN;
    StringBuilder out = new StringBuilder("\"");
    String shown = cut ? s.substring(0, MAX_SHOWN) : s;
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    out.append(cut ? "...\" (" + s.length() + " characters)" : "\"");
    return out.toString();
  }

  private static String cut(String s) {
    return s.length() > MAX_SHOWN ? s.substring(0, MAX_SHOWN) + "... (" + s.length() + " digits)" : s;
  }
}
