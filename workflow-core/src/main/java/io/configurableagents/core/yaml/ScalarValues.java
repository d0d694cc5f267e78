package io.configurableagents.core.yaml;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/** Turns a resolved scalar's text into its value, as PyYAML's {@code SafeConstructor} does. */
final class ScalarValues {
  private ScalarValues() {}

  /** The integer a YAML 1.1 int literal denotes, or empty when the text is not one. */
  static Optional<Object> integer(String text) {
    String s = text.replace("_", "");
    int sign = 1;
    if (s.startsWith("-") || s.startsWith("+")) {
      sign = s.startsWith("-") ? -1 : 1;
      s = s.substring(1);
    }
    try {
      BigInteger magnitude;
      if (s.equals("0")) {
        magnitude = BigInteger.ZERO;
      } else if (s.startsWith("0b")) {
        magnitude = new BigInteger(s.substring(2), 2);
      } else if (s.startsWith("0x")) {
        magnitude = new BigInteger(s.substring(2), 16);
      } else if (s.startsWith("0")) {
        magnitude = new BigInteger(s.substring(1), 8);
      } else if (s.contains(":")) {
        magnitude = BigInteger.ZERO;
        for (String digit : s.split(":")) {
          magnitude = magnitude.multiply(BigInteger.valueOf(60)).add(new BigInteger(digit));
        }
      } else {
        magnitude = new BigInteger(s);
      }
      BigInteger value = sign < 0 ? magnitude.negate() : magnitude;
      return Optional.of(value.bitLength() < 64 ? (Object) value.longValue() : value);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The float a YAML 1.1 float literal denotes, or empty when the text is not one. */
  static Optional<Object> decimal(String text) {
    String s = text.replace("_", "").toLowerCase(Locale.ROOT);
    double sign = 1;
    if (s.startsWith("-") || s.startsWith("+")) {
      sign = s.startsWith("-") ? -1 : 1;
      s = s.substring(1);
    }
    try {
      if (s.equals(".inf")) {
        return Optional.of(sign * Double.POSITIVE_INFINITY);
      }
      if (s.equals(".nan")) {
        return Optional.of(Double.NaN);
      }
      if (s.contains(":")) {
        double value = 0;
        for (String digit : s.split(":")) {
          value = value * 60 + Double.parseDouble(digit);
        }
        return Optional.of(sign * value);
      }
      if (s.isEmpty() || s.chars().noneMatch(Character::isDigit) || s.endsWith("d") || s.endsWith("f")) {
        return Optional.empty();
      }
      return Optional.of(sign * Double.parseDouble(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A YAML 1.1 boolean word, case as PyYAML accepts it, or empty. */
  static Optional<Object> bool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "yes", "true", "on" -> Optional.of(Boolean.TRUE);
      case "no", "false", "off" -> Optional.of(Boolean.FALSE);
      default -> Optional.empty();
    };
  }
}
