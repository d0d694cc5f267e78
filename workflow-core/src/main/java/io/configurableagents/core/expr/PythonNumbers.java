package io.configurableagents.core.expr;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Number literals as Python's {@code int()} and {@code float()} read them (docs/conditions.md,
 * "What you can write"): an optional sign, digits with single underscores between them ({@code 1_000}), leading
 * zeros allowed ({@code 05}); a decimal has a {@code .} ({@code 1.5}, {@code .9}, {@code 5.}) or an
 * exponent ({@code 1e5}). Checked by hand, in linear time, without regular expressions (whose
 * repetition recurses and overflows the stack on long inputs).
 */
final class PythonNumbers {
  /** Python refuses longer integer strings too (sys.int_info.default_max_str_digits). */
  static final int MAX_LENGTH = 4300;

  private PythonNumbers() {}

  /** The value of {@code text}: {@code Long} or {@code BigInteger} for integers, {@code Double} otherwise. */
  static Optional<Number> parse(String text) {
    if (text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    int start = text.startsWith("+") || text.startsWith("-") ? 1 : 0;
    int exponentAt = firstExponentMark(text);
    String mantissa = text.substring(start, exponentAt < 0 ? text.length() : exponentAt);
    int dot = mantissa.indexOf('.');
    String whole = dot < 0 ? mantissa : mantissa.substring(0, dot);
    String fraction = dot < 0 ? "" : mantissa.substring(dot + 1);
    boolean valid = (whole.isEmpty() || isDigits(whole))
        && (fraction.isEmpty() || isDigits(fraction))
        && !(whole.isEmpty() && fraction.isEmpty())
        && (exponentAt < 0 || isExponent(text.substring(exponentAt + 1)));
    if (!valid) {
      return Optional.empty();
    }
    String plain = text.replace("_", "");
    if (dot < 0 && exponentAt < 0) {
      BigInteger value = new BigInteger(plain.startsWith("+") ? plain.substring(1) : plain);
      return Optional.of(value.bitLength() < Long.SIZE ? (Number) value.longValue() : value);
    }
    return Optional.of(Double.parseDouble(plain));
  }

  private static int firstExponentMark(String text) {
    int lower = text.indexOf('e');
    int upper = text.indexOf('E');
    return lower < 0 ? upper : upper < 0 ? lower : Math.min(lower, upper);
  }

  private static boolean isExponent(String text) {
    String digits = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
    return isDigits(digits);
  }

  /** {@code [0-9](_?[0-9])*}. */
  private static boolean isDigits(String text) {
    if (text.isEmpty() || !isDigit(text.charAt(0)) || !isDigit(text.charAt(text.length() - 1))) {
      return false;
    }
    for (int i = 1; i < text.length() - 1; i++) {
      char c = text.charAt(i);
      if (!isDigit(c) && !(c == '_' && isDigit(text.charAt(i + 1)))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
