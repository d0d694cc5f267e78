package io.configurableagents.core.expr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Python's {@code repr(float)}: the shortest digits that read back as the same double (the
 * nearest such when several are equally short), positional when the decimal exponent is in
 * [-4, 16), otherwise {@code 1e-05} / {@code 1.5e+16}.
 *
 * <p>Since JDK 19, {@link Double#toString(double)} is specified to give exactly those digits, so
 * we take them from it; on older JDKs (the plugin may run on 17) a slower exact search is used.
 */
final class PyFloat {
  private static final boolean JDK_GIVES_SHORTEST = Runtime.version().feature() >= 19;
  private static final int MAX_DIGITS = 17;

  private PyFloat() {}

  /** Digits without leading or trailing zeros; the value is 0.{digits} x 10^point. */
  record Decimal(String digits, int point) {}

  static String repr(double d) {
    return repr(d, JDK_GIVES_SHORTEST);
  }

  static String repr(double d, boolean trustJdk) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    String sign = Double.doubleToRawLongBits(d) < 0 ? "-" : "";
    if (d == 0) {
      return sign + "0.0";
    }
    Decimal decimal = trustJdk ? fromJdk(Math.abs(d)) : search(Math.abs(d));
    int point = decimal.point();
    return sign + (point > -4 && point <= 16
        ? positional(decimal.digits(), point)
        : scientific(decimal.digits(), point));
  }

  /** Reads the digits of {@code Double.toString}: "123.45", "0.001" or "1.0E-5". */
  static Decimal fromJdk(double positive) {
    String text = Double.toString(positive);
    int e = text.indexOf('E');
    String mantissa = e < 0 ? text : text.substring(0, e);
    int dot = mantissa.indexOf('.');
    String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
    int point = dot + (e < 0 ? 0 : Integer.parseInt(text.substring(e + 1)));
    int lead = 0;
    while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
      lead++;
    }
    int end = digits.length();
    while (end > lead + 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    Decimal decimal = new Decimal(digits.substring(lead, end), point - lead);
    return decimal.digits().length() == 2 ? oneDigit(positive, decimal) : decimal;
  }

  /**
   * Java may give two digits where one reads back too, if two are closer ({@code 4.9E-324});
   * Python takes the shortest ({@code 5e-324}).
   */
  private static Decimal oneDigit(double positive, Decimal two) {
    int first = two.digits().charAt(0) - '0';
    Decimal down = new Decimal(Integer.toString(first), two.point());
    Decimal up = first == 9 ? new Decimal("1", two.point() + 1) : new Decimal(Integer.toString(first + 1), two.point());
    boolean downReadsBack = readsBack(down, positive);
    boolean upReadsBack = readsBack(up, positive);
    if (downReadsBack && upReadsBack) {
      BigDecimal upValue = toBig(up);
      return nearer(new BigDecimal(positive), upValue, toBig(down)) == upValue ? up : down;
    }
    return downReadsBack ? down : upReadsBack ? up : two;
  }

  private static boolean readsBack(Decimal decimal, double positive) {
    return Double.parseDouble(toBig(decimal).toString()) == positive;
  }

  private static BigDecimal toBig(Decimal decimal) {
    return new BigDecimal(new java.math.BigInteger(decimal.digits()), decimal.digits().length() - decimal.point());
  }

  /**
   * The exact search, JDK-independent: the fewest digits at which a decimal reads back (binary
   * search: if p digits can, p + 1 can), then the nearer of the two p-digit neighbours.
   */
  static Decimal search(double positive) {
    BigDecimal exact = withSticky(new BigDecimal(positive));
    int low = 1;
    int high = MAX_DIGITS;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (nearestReadingBack(exact, middle, positive).isPresent()) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    BigDecimal best = nearestReadingBack(exact, low, positive).orElseThrow().stripTrailingZeros();
    String digits = best.unscaledValue().toString();
    return new Decimal(digits, digits.length() - best.scale());
  }

  /** The nearer of the p-digit decimals just below and just above the value, if one reads back. */
  private static Optional<BigDecimal> nearestReadingBack(BigDecimal exact, int digits, double positive) {
    BigDecimal down = exact.round(new MathContext(digits, RoundingMode.DOWN));
    BigDecimal up = exact.round(new MathContext(digits, RoundingMode.UP));
    boolean downReadsBack = Double.parseDouble(down.toString()) == positive;
    boolean upReadsBack = Double.parseDouble(up.toString()) == positive;
    if (downReadsBack && upReadsBack) {
      return Optional.of(nearer(exact, up, down));
    }
    return downReadsBack ? Optional.of(down) : upReadsBack ? Optional.of(up) : Optional.empty();
  }

  /**
   * The value cut to 25 digits plus a sticky 1 when anything was cut: rounding that to 17 digits
   * or fewer, in any mode, gives what rounding the exact value gives, and it keeps the order of
   * distances to such short decimals; a subnormal's exact form has hundreds of digits.
   */
  private static BigDecimal withSticky(BigDecimal exact) {
    BigDecimal cut = exact.round(new MathContext(25, RoundingMode.DOWN));
    return cut.compareTo(exact) == 0
        ? exact
        : new BigDecimal(cut.unscaledValue().multiply(java.math.BigInteger.TEN).add(java.math.BigInteger.ONE),
            cut.scale() + 1);
  }

  /** The nearer of two decimals; on a tie, the one with an even last digit (as Python does). */
  private static BigDecimal nearer(BigDecimal exact, BigDecimal a, BigDecimal b) {
    int order = exact.subtract(a).abs().compareTo(exact.subtract(b).abs());
    if (order != 0) {
      return order < 0 ? a : b;
    }
    return a.unscaledValue().testBit(0) ? b : a;
  }

  /** {@code digits} with the decimal point after {@code point} digits: 0.001, 3.0, 1000000.0. */
  private static String positional(String digits, int point) {
    if (point <= 0) {
      return "0." + "0".repeat(-point) + digits;
    }
    if (point >= digits.length()) {
      return digits + "0".repeat(point - digits.length()) + ".0";
    }
    return digits.substring(0, point) + "." + digits.substring(point);
  }

  /** 1e-05, 1.5e+16: at least two exponent digits, as C's printf does. */
  private static String scientific(String digits, int point) {
    int exponent = point - 1;
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String magnitude = Integer.toString(Math.abs(exponent));
    return mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude.length() < 2 ? "0" : "") + magnitude;
  }
}
