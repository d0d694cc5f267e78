package io.configurableagents.core.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Expected texts were produced by CPython 3.11 ({@code repr(x)} / {@code str(x)}). */
class PyReprTest {

  static Stream<Arguments> floats() {
    return Stream.of(
        Arguments.of(0.5, "0.5"),
        Arguments.of(3.0, "3.0"),
        Arguments.of(1e-05, "1e-05"),
        Arguments.of(1e16, "1e+16"),
        Arguments.of(1e16 - 2, "9999999999999998.0"),
        Arguments.of(1e15, "1000000000000000.0"),
        Arguments.of(0.0001, "0.0001"),
        Arguments.of(0.00012345, "0.00012345"),
        Arguments.of(123.456, "123.456"),
        Arguments.of(-2.5, "-2.5"),
        Arguments.of(0.1, "0.1"),
        Arguments.of(0.1 + 0.2, "0.30000000000000004"),
        Arguments.of(1.0 / 3, "0.3333333333333333"),
        Arguments.of(2.0 / 3, "0.6666666666666666"),
        Arguments.of(1e22, "1e+22"),
        Arguments.of(1e23, "1e+23"),
        Arguments.of(Double.MIN_VALUE, "5e-324"),
        Arguments.of(Double.MIN_VALUE * 3, "1.5e-323"),
        Arguments.of(Double.MAX_VALUE, "1.7976931348623157e+308"),
        Arguments.of(100.0, "100.0"),
        Arguments.of(1234567890123456.0, "1234567890123456.0"),
        Arguments.of(12345678901234567.0, "1.2345678901234568e+16"),
        Arguments.of(9007199254740993.0, "9007199254740992.0"),
        Arguments.of(1.5e-7, "1.5e-07"),
        Arguments.of(2.5e100, "2.5e+100"),
        Arguments.of(4.35, "4.35"),
        Arguments.of(847703427782718.75, "847703427782718.8"),
        Arguments.of(0.3, "0.3"),
        Arguments.of(2e-3, "0.002"),
        Arguments.of(123e-20, "1.23e-18"),
        Arguments.of(-0.0, "-0.0"),
        Arguments.of(0.0, "0.0"),
        Arguments.of(Double.POSITIVE_INFINITY, "inf"),
        Arguments.of(Double.NEGATIVE_INFINITY, "-inf"),
        Arguments.of(Double.NaN, "nan"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("floats")
  void floatsRenderAsPythonRepr(double value, String python) {
    assertThat(PyRepr.str(value)).isEqualTo(python);
    assertThat(PyRepr.repr(value)).isEqualTo(python);
    assertThat(PyFloat.repr(value, false)).as("exact search used on JDK 17").isEqualTo(python);
  }

  @Test
  void floatsMatchCPythonOnAFixtureOfVariedDoubles() throws IOException {
    // src/test/resources/pyrepr/floats.tsv was written by CPython 3.11: bits, then repr(value).
    List<String> lines;
    try (InputStream in = PyReprTest.class.getResourceAsStream("/pyrepr/floats.tsv")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).toList();
    }
    assertThat(lines).hasSizeGreaterThan(500);
    for (String line : lines) {
      String[] columns = line.split("\t");
      double value = Double.longBitsToDouble(Long.parseUnsignedLong(columns[0], 16));
      assertThat(PyRepr.repr(value)).as(line).isEqualTo(columns[1]);
      assertThat(PyFloat.repr(value, false)).as(line).isEqualTo(columns[1]);
    }
  }

  @Test
  void jdkDigitsAndTheExactSearchAgreeOnRandomDoubles() {
    Random random = new Random(3);
    for (int i = 0; i < 3_000; i++) {
      double value = i % 2 == 0
          ? Double.longBitsToDouble(random.nextLong())
          : random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
      if (Double.isFinite(value) && value != 0) {
        assertThat(PyFloat.fromJdk(Math.abs(value))).as("%s", value).isEqualTo(PyFloat.search(Math.abs(value)));
      }
    }
    for (int k = 1; k < 500; k++) {
      double subnormal = Double.MIN_VALUE * k;
      assertThat(PyFloat.fromJdk(subnormal)).as("%s", subnormal).isEqualTo(PyFloat.search(subnormal));
    }
    for (int digit = 1; digit <= 9; digit++) {
      for (int exponent = -320; exponent <= 300; exponent += 7) {
        double value = Double.parseDouble(digit + "e" + exponent);
        assertThat(PyFloat.fromJdk(value)).as("%s", value).isEqualTo(PyFloat.search(value));
      }
    }
  }

  static Stream<Arguments> strings() {
    return Stream.of(
        Arguments.of("plain", "'plain'"),
        Arguments.of("it's", "\"it's\""),
        Arguments.of("say \"hi\"", "'say \"hi\"'"),
        Arguments.of("both ' and \"", "'both \\' and \"'"),
        Arguments.of("back\\slash", "'back\\\\slash'"),
        Arguments.of("tab\there", "'tab\\there'"),
        Arguments.of("new\nline", "'new\\nline'"),
        Arguments.of("cr\r", "'cr\\r'"),
        Arguments.of("nul\u0000", "'nul\\x00'"),
        Arguments.of("bell\u0007", "'bell\\x07'"),
        Arguments.of("del\u007f", "'del\\x7f'"),
        Arguments.of("é ü 日本", "'é ü 日本'"),
        Arguments.of("emoji 😀", "'emoji 😀'"),
        Arguments.of("nbsp\u00a0", "'nbsp\\xa0'"),
        Arguments.of("zwsp\u200b", "'zwsp\\u200b'"),
        Arguments.of("line sep\u2028", "'line sep\\u2028'"),
        Arguments.of("private\ue000", "'private\\ue000'"),
        Arguments.of("c1\u0085", "'c1\\x85'"),
        Arguments.of("tab\t'q'", "\"tab\\t'q'\""),
        Arguments.of("lone \ud800 surrogate", "'lone \\ud800 surrogate'"),
        Arguments.of("", "''"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("strings")
  void stringsInsideContainersUsePythonQuotingAndEscapes(String value, String python) {
    assertThat(PyRepr.repr(value)).isEqualTo(python);
    assertThat(PyRepr.str(List.of(value))).isEqualTo("[" + python + "]");
  }

  @Test
  void topLevelStringIsItselfUnquoted() {
    assertThat(PyRepr.str("it's \"raw\"\n")).isEqualTo("it's \"raw\"\n");
  }

  @Test
  void scalarsRenderAsPythonDoes() {
    assertThat(PyRepr.str(null)).isEqualTo("None");
    assertThat(PyRepr.str(true)).isEqualTo("True");
    assertThat(PyRepr.str(false)).isEqualTo("False");
    assertThat(PyRepr.str(42L)).isEqualTo("42");
    assertThat(PyRepr.str(-7)).isEqualTo("-7");
    assertThat(PyRepr.str(new BigInteger("123456789012345678901234567890"))).isEqualTo("123456789012345678901234567890");
    assertThat(PyRepr.str(new BigDecimal("2.50"))).isEqualTo("2.5");
    assertThat(PyRepr.str(0.1f)).as("a Float keeps its short form").isEqualTo("0.1");
  }

  @Test
  void listsAndMapsRenderAsPythonListsAndDicts() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("k", List.of(1L));
    List<Object> list = Arrays.asList(1L, "a", null, true, 2.5, inner);
    assertThat(PyRepr.str(list)).isEqualTo("[1, 'a', None, True, 2.5, {'k': [1]}]");

    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", 1L);
    map.put("b", "it's");
    assertThat(PyRepr.str(map)).isEqualTo("{'a': 1, 'b': \"it's\"}");
    assertThat(PyRepr.str(List.of())).isEqualTo("[]");
    assertThat(PyRepr.str(Map.of())).isEqualTo("{}");
  }

  @Test
  void nestedObjectRendersAsDictNotAsPydanticModelOnPurpose() {
    // The reference shows a nested object field as "name='A' age=3" (a Pydantic model's str);
    // we render every map as a dict.
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("name", "A");
    profile.put("age", 3L);
    assertThat(PyRepr.str(profile)).isEqualTo("{'name': 'A', 'age': 3}");
  }
}
