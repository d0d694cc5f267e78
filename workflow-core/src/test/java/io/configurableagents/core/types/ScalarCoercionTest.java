package io.configurableagents.core.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.model.TypeRef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scalar rules of docs/workflow-format.md, "How values are coerced". Every accepted/refused pair below was checked against Pydantic 2.13
 * ({@code TypeAdapter(T).validate_python(v)}), except the cases marked "differs on purpose".
 */
class ScalarCoercionTest {

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("str", "x", "x"),
        Arguments.of("str", "", ""),
        Arguments.of("int", 5L, 5L),
        Arguments.of("int", 5, 5L),
        Arguments.of("int", (short) 5, 5L),
        Arguments.of("int", true, 1L),
        Arguments.of("int", false, 0L),
        Arguments.of("int", 5.0, 5L),
        Arguments.of("int", 5.0f, 5L),
        Arguments.of("int", new BigDecimal("5.00"), 5L),
        Arguments.of("int", new BigInteger("9223372036854775807"), Long.MAX_VALUE),
        Arguments.of("int", "5", 5L),
        Arguments.of("int", " 5 ", 5L),
        Arguments.of("int", "\t5\n", 5L),
        Arguments.of("int", "5.0", 5L),
        Arguments.of("int", "5.00", 5L),
        Arguments.of("int", "+5", 5L),
        Arguments.of("int", "-0", 0L),
        Arguments.of("int", "007", 7L),
        Arguments.of("int", "1_000", 1000L),
        Arguments.of("int", "-9223372036854775808", Long.MIN_VALUE),
        Arguments.of("float", 2.5, 2.5),
        Arguments.of("float", 5L, 5.0),
        Arguments.of("float", 0.1f, 0.1),
        Arguments.of("float", true, 1.0),
        Arguments.of("float", new BigDecimal("2.50"), 2.5),
        Arguments.of("float", new BigInteger("1180591620717411303424"), 1.1805916207174113e21),
        Arguments.of("float", "5", 5.0),
        Arguments.of("float", " 2.5 ", 2.5),
        Arguments.of("float", "1e3", 1000.0),
        Arguments.of("float", "1E3", 1000.0),
        Arguments.of("float", ".5", 0.5),
        Arguments.of("float", "5.", 5.0),
        Arguments.of("float", "+1.5", 1.5),
        Arguments.of("float", "1_000.5", 1000.5),
        Arguments.of("bool", true, true),
        Arguments.of("bool", 0L, false),
        Arguments.of("bool", 1, true),
        Arguments.of("bool", 0.0, false),
        Arguments.of("bool", 1.0, true),
        Arguments.of("bool", "t", true),
        Arguments.of("bool", "TRUE", true),
        Arguments.of("bool", "Yes", true),
        Arguments.of("bool", "y", true),
        Arguments.of("bool", "on", true),
        Arguments.of("bool", "1", true),
        Arguments.of("bool", "f", false),
        Arguments.of("bool", "False", false),
        Arguments.of("bool", "N", false),
        Arguments.of("bool", "no", false),
        Arguments.of("bool", "off", false),
        Arguments.of("bool", "0", false));
  }

  @ParameterizedTest(name = "{0} accepts {1}")
  @MethodSource("accepted")
  void laxModeAccepts(String type, Object input, Object expected) {
    CoercionResult result = Coercion.coerce(input, TypeRef.parse(type), "x");

    assertThat(result.problems()).isEmpty();
    assertThat(result.value()).isEqualTo(expected).hasSameClassAs(expected);
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("str", 5L, "expected str, got int 5 (write it in quotes to pass it as text)"),
        Arguments.of("str", 5.5, "expected str, got float 5.5 (write it in quotes to pass it as text)"),
        Arguments.of("str", true, "expected str, got bool true (write it in quotes to pass it as text)"),
        Arguments.of("str", List.of(1L), "expected str, got list"),
        Arguments.of("str", Map.of("a", 1L), "expected str, got object"),
        Arguments.of("int", 5.5, "expected int, got float 5.5 (it has a fractional part)"),
        Arguments.of("int", "5.5", "expected int, got \"5.5\" (it has a fractional part)"),
        Arguments.of("int", "5.", "expected int, got \"5.\""),
        Arguments.of("int", "1e3", "expected int, got \"1e3\""),
        Arguments.of("int", "abc", "expected int, got \"abc\""),
        Arguments.of("int", "", "expected int, got \"\""),
        Arguments.of("int", "1__000", "expected int, got \"1__000\""),
        Arguments.of("int", "_1", "expected int, got \"_1\""),
        Arguments.of("int", "٣", "expected int, got \"٣\""),
        Arguments.of("int", Double.NaN,
            "expected int, got float NaN (only finite numbers are accepted; JSON cannot carry NaN or Infinity)"),
        Arguments.of("int", List.of(), "expected int, got list"),
        Arguments.of("float", "abc", "expected float, got \"abc\""),
        Arguments.of("float", "0x10", "expected float, got \"0x10\""),
        Arguments.of("float", "1d", "expected float, got \"1d\""),
        Arguments.of("float", "", "expected float, got \"\""),
        Arguments.of("float", Map.of(), "expected float, got object"),
        Arguments.of("bool", 2L, "expected bool, got int 2 (only 0 and 1 are accepted)"),
        Arguments.of("bool", 0.5, "expected bool, got float 0.5 (only 0 and 1 are accepted)"),
        Arguments.of("bool", "maybe",
            "expected bool, got \"maybe\" (accepted: true/false, yes/no, on/off, t/f, y/n, 1/0, in any case)"),
        Arguments.of("bool", " true",
            "expected bool, got \" true\" (accepted: true/false, yes/no, on/off, t/f, y/n, 1/0, in any case)"),
        Arguments.of("bool", "2",
            "expected bool, got \"2\" (accepted: true/false, yes/no, on/off, t/f, y/n, 1/0, in any case)"),
        Arguments.of("bool", List.of(true), "expected bool, got list"));
  }

  @ParameterizedTest(name = "{0} refuses {1}")
  @MethodSource("refused")
  void laxModeRefuses(String type, Object input, String message) {
    CoercionResult result = Coercion.coerce(input, TypeRef.parse(type), "field");

    assertThat(result.ok()).isFalse();
    assertThat(result.problems()).containsExactly(new CoercionProblem("field", message));
  }

  static Stream<Arguments> differOnPurpose() {
    String notFinite = "(only finite numbers are accepted; JSON cannot carry NaN or Infinity)";
    String range = "(it is outside the 64-bit integer range)";
    return Stream.of(
        // Pydantic gives inf / nan; a run's state and results are JSON, which cannot hold them.
        Arguments.of("float", "inf", "expected float, got \"inf\" " + notFinite),
        Arguments.of("float", "-Infinity", "expected float, got \"-Infinity\" " + notFinite),
        Arguments.of("float", "nan", "expected float, got \"nan\" " + notFinite),
        Arguments.of("float", "1e400", "expected float, got \"1e400\" " + notFinite),
        Arguments.of("float", Double.POSITIVE_INFINITY, "expected float, got float Infinity " + notFinite),
        // Python ints are unbounded; ours are 64-bit longs.
        Arguments.of("int", "9223372036854775808", "expected int, got \"9223372036854775808\" " + range),
        Arguments.of("int", new BigInteger("1180591620717411303424"), "expected int, got int 1180591620717411303424 " + range),
        Arguments.of("int", 1e19, "expected int, got float 1.0E19 " + range));
  }

  @ParameterizedTest(name = "{0} refuses {1}")
  @MethodSource("differOnPurpose")
  void refusesWhatJsonOrLongCannotHoldUnlikePydantic(String type, Object input, String message) {
    assertThat(Coercion.coerce(input, TypeRef.parse(type), "field").problems())
        .containsExactly(new CoercionProblem("field", message));
  }

  @Test
  void nullIsAcceptedForAnyTypeAtTheTop() {
    CoercionResult result = Coercion.coerce(null, TypeRef.parse("int"), "x");

    assertThat(result.ok()).isTrue();
    assertThat(result.value()).isNull();
  }

  @Test
  void longValuesAreNeverEchoedInFull() {
    String essay = "word ".repeat(2_000);

    CoercionProblem problem = Coercion.coerce(essay, TypeRef.parse("int"), "count").problems().get(0);

    assertThat(problem.message())
        .isEqualTo("expected int, got \"" + "word ".repeat(12) + "...\" (10000 characters)")
        .hasSizeLessThan(120);
  }

  @Test
  void controlCharactersInEchoedValuesAreEscaped() {
    CoercionProblem problem = Coercion.coerce("a\nb\"c", TypeRef.parse("int"), "n").problems().get(0);

    assertThat(problem.message()).isEqualTo("expected int, got \"a\\nb\\\"c\"");
  }

  @Test
  void hugeIntegerTextIsCutInTheMessage() {
    String digits = "9".repeat(500);

    CoercionProblem problem = Coercion.coerce(new BigInteger(digits), TypeRef.parse("int"), "n").problems().get(0);

    assertThat(problem.message()).hasSizeLessThan(160).contains("(500 digits)");
  }
}
