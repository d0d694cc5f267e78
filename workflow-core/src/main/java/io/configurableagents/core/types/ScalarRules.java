package io.configurableagents.core.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The scalar conversions of Pydantic v2 lax mode (Python input), as docs/workflow-format.md, "How values are coerced", lists
 * them. Where we differ on purpose: integers must fit in 64 bits (Python's are unbounded), and
 * NaN/Infinity are refused (JSON cannot carry them; Pydantic accepts them for {@code float}).
 */
final class ScalarRules {
  static final String FRACTION = "it has a fractional part";
  static final String BOOL_WORDS = "accepted: true/false, yes/no, on/off, t/f, y/n, 1/0, in any case";
  private static final String ZERO_OR_ONE = "only 0 and 1 are accepted";
  /** Pydantic's int-from-str: sign, digits with single underscores, an optional ".0+" tail. */
  private static final Pattern INT_TEXT = Pattern.compile("[+-]?\\d+(?:_\\d+)*(?:\\.0+)?");
  private static final Pattern FLOAT_TEXT = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
  private static final Pattern FRACTION_TEXT = Pattern.compile("[+-]?\\d*\\.\\d*[1-9]\\d*");
  private static final Pattern NON_FINITE_TEXT = Pattern.compile("(?i)[+-]?(?:inf|infinity|nan)");
  private static final Set<String> TRUE_WORDS = Set.of("1", "t", "true", "y", "yes", "on");
  private static final Set<String> FALSE_WORDS = Set.of("0", "f", "false", "n", "no", "off");

  private ScalarRules() {}

  /** The converted value, or, when empty, the reason (possibly blank) it was refused. */
  record Converted(Optional<Object> value, String detail) {
    static Converted ok(Object value) {
      return new Converted(Optional.of(value), "");
    }

    static Converted refused(String detail) {
      return new Converted(Optional.empty(), detail);
    }
  }

  /** Strings only: Pydantic v2 never turns numbers or booleans into text. */
  static Converted toStr(Object v) {
    if (v instanceof String s) {
      return Converted.ok(s);
    }
    boolean scalar = v instanceof Boolean || JsonValues.isIntegral(v) || JsonValues.isDecimal(v);
    return Converted.refused(scalar ? "write it in quotes to pass it as text" : "");
  }

  static Converted toInt(Object v) {
    if (v instanceof Boolean b) {
      return Converted.ok(b ? 1L : 0L);
    }
    if (JsonValues.isIntegral(v)) {
      return fromBig(v instanceof BigInteger big ? big : BigInteger.valueOf(((Number) v).longValue()));
    }
    if (v instanceof BigDecimal d) {
      return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0
          ? fromBig(d.toBigInteger())
          : Converted.refused(FRACTION);
    }
    if (JsonValues.isDecimal(v)) {
      return fromDouble(JsonValues.toDouble(v));
    }
    return v instanceof String s ? intFromText(s.strip()) : Converted.refused("");
  }

  private static Converted fromDouble(double d) {
    if (!Double.isFinite(d)) {
      return Converted.refused(JsonValues.NOT_FINITE);
    }
    if (d != Math.rint(d)) {
      return Converted.refused(FRACTION);
    }
    return d >= -0x1p63 && d < 0x1p63 ? Converted.ok((long) d) : Converted.refused(JsonValues.OUT_OF_RANGE);
  }

  private static Converted fromBig(BigInteger big) {
    return JsonValues.fitsLong(big) ? Converted.ok(big.longValue()) : Converted.refused(JsonValues.OUT_OF_RANGE);
  }

  private static Converted intFromText(String text) {
    if (INT_TEXT.matcher(text).matches()) {
      int dot = text.indexOf('.');
      String digits = (dot < 0 ? text : text.substring(0, dot)).replace("_", "");
      return fromBig(new BigInteger(digits));
    }
    if (FRACTION_TEXT.matcher(text).matches()) {
      return Converted.refused(FRACTION);
    }
    return Converted.refused("");
  }

  static Converted toFloat(Object v) {
    if (v instanceof Boolean b) {
      return Converted.ok(b ? 1.0 : 0.0);
    }
    if (JsonValues.isIntegral(v) || JsonValues.isDecimal(v)) {
      double d = JsonValues.isDecimal(v) ? JsonValues.toDouble(v) : ((Number) v).doubleValue();
      return Double.isFinite(d) ? Converted.ok(d) : Converted.refused(JsonValues.NOT_FINITE);
    }
    return v instanceof String s ? floatFromText(s.strip()) : Converted.refused("");
  }

  private static Converted floatFromText(String text) {
    String plain = withoutUnderscores(text);
    if (FLOAT_TEXT.matcher(plain).matches()) {
      double d = Double.parseDouble(plain);
      return Double.isFinite(d) ? Converted.ok(d) : Converted.refused(JsonValues.NOT_FINITE);
    }
    return Converted.refused(NON_FINITE_TEXT.matcher(text).matches() ? JsonValues.NOT_FINITE : "");
  }

  /** Pydantic drops single underscores between characters ({@code 1_000}), as Python does. */
  private static String withoutUnderscores(String text) {
    boolean strippable = text.contains("_") && !text.startsWith("_") && !text.endsWith("_") && !text.contains("__");
    return strippable ? text.replace("_", "") : text;
  }

  static Converted toBool(Object v) {
    if (v instanceof Boolean b) {
      return Converted.ok(b);
    }
    if (v instanceof String s) {
      String word = s.toLowerCase(Locale.ROOT);
      if (TRUE_WORDS.contains(word) || FALSE_WORDS.contains(word)) {
        return Converted.ok(TRUE_WORDS.contains(word));
      }
      return Converted.refused(BOOL_WORDS);
    }
    if (JsonValues.isIntegral(v) || JsonValues.isDecimal(v)) {
      Converted asInt = toInt(v);
      Optional<Boolean> bool = asInt.value().filter(n -> (long) n == 0L || (long) n == 1L).map(n -> (long) n == 1L);
      return bool.map(Converted::ok).orElseGet(() -> Converted.refused(ZERO_OR_ONE));
    }
    return Converted.refused("");
  }
}
