package io.configurableagents.core.expr;

import static io.configurableagents.core.expr.ConditionTestSupport.Outcome.EVAL_ERROR;
import static io.configurableagents.core.expr.ConditionTestSupport.Outcome.FALSE;
import static io.configurableagents.core.expr.ConditionTestSupport.Outcome.TRUE;
import static io.configurableagents.core.expr.ConditionTestSupport.list;
import static io.configurableagents.core.expr.ConditionTestSupport.outcome;
import static io.configurableagents.core.expr.ConditionTestSupport.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.expr.ConditionTestSupport.Outcome;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The language of docs/conditions.md, "What you can write". */
class ConditionLanguageTest {

  private static final Map<String, Object> STATE = state(
      "score", 9,
      "ratio", 0.75,
      "status", "approved",
      "name", "Ada Lovelace",
      "tags", list("urgent", "billing"),
      "nums", list(1, 2, 3),
      "empty", list(),
      "flag", true,
      "off", false,
      "nothing", null,
      "profile", Map.of("name", "Ada", "address", Map.of("city", "London"), "age", 36),
      "_loop_iteration_refine", 3);

  record Row(String condition, Outcome expected) {
    @Override
    public String toString() {
      return condition + " -> " + expected;
    }
  }

  static Stream<Row> rows() {
    return Stream.of(
        // the documented brace form, braces optional
        new Row("{state.score} >= 8", TRUE),
        new Row("{state.score} >= 10", FALSE),
        new Row("{ state.score } >= 8", TRUE),
        new Row("{score} >= 8", TRUE),
        new Row("{state.profile.address.city} == 'London'", TRUE),
        // dotted paths walk maps
        new Row("state.profile.name == 'Ada'", TRUE),
        new Row("state.profile.address.city == \"London\"", TRUE),
        new Row("state.profile.age > 30 and state.profile.age < 40", TRUE),
        new Row("state.profile.address", TRUE),
        new Row("state.profile.missing == 1", EVAL_ERROR),
        new Row("state.name.first == 'Ada'", EVAL_ERROR),
        // in / not in: lists, substrings, dict keys
        new Row("state.status in ['approved', 'done']", TRUE),
        new Row("state.status in [\"rejected\"]", FALSE),
        new Row("state.status not in ['rejected', 'spam']", TRUE),
        new Row("'urgent' in state.tags", TRUE),
        new Row("'urgent' not in state.tags", FALSE),
        new Row("2 in state.nums", TRUE),
        new Row("2.0 in state.nums", TRUE),
        new Row("True in state.nums", TRUE),
        new Row("'Ada' in state.name", TRUE),
        new Row("'ada' in state.name", FALSE),
        new Row("'city' in state.profile.address", TRUE),
        new Row("'zip' not in state.profile.address", TRUE),
        new Row("state.nothing in [None, 1]", TRUE),
        new Row("[1, 2] in [[1, 2], [3]]", TRUE),
        new Row("state.score in state.score", EVAL_ERROR),
        new Row("1 in state.name", EVAL_ERROR),
        new Row("state.tags in state.profile", EVAL_ERROR),
        // precedence: not > and > or; parentheses anywhere
        new Row("state.flag or state.off and state.off", TRUE),
        new Row("(state.flag or state.off) and state.off", FALSE),
        new Row("not state.off and state.flag", TRUE),
        new Row("not (state.off or state.flag)", FALSE),
        new Row("not not state.flag", TRUE),
        new Row("not state.score > 10", TRUE),
        new Row("(state.score > 1) and (state.ratio < 1)", TRUE),
        new Row("((state.score) > (1))", TRUE),
        new Row("state.off and state.score > 'x'", FALSE),
        new Row("state.flag or state.score > 'x'", TRUE),
        // chained comparisons, as in Python
        new Row("0 < state.score <= 10", TRUE),
        new Row("0 < state.score < 5", FALSE),
        new Row("1 < 2 > state.score", FALSE),
        // literals
        new Row("state.nothing == None", TRUE),
        new Row("state.nothing == null", TRUE),
        new Row("state.nothing != None and state.nothing != 0", FALSE),
        new Row("state.off == False and state.flag == True", TRUE),
        new Row("state.empty == []", TRUE),
        new Row("state.nums == [True, 2.0, 3]", TRUE),
        new Row("state.nums == [1, 2, 3,]", TRUE),
        new Row("state.nums < [1, 2, 4]", TRUE),
        new Row("state.nums > [1, 2]", TRUE),
        new Row("state.ratio == 0.75 and state.ratio == .75 and state.ratio == 75e-2", TRUE),
        new Row("state.score == 9.0 and state.score == 0_9", TRUE),
        new Row("state.score > -1e3", TRUE),
        new Row("state.name == 'Ada Lovelace' and state.name != \"Ada\"", TRUE),
        new Row("state.name > 'Ada' and state.name < 'Ada M'", TRUE),
        new Row("'' in state.name", TRUE),
        new Row("state.status == 'approved' and state.status == approved", TRUE),
        new Row("state.tags == ['urgent', 'billing']", TRUE),
        new Row("state.profile == state.profile", TRUE),
        // bare words
        new Row("state.score > 1 and flag", TRUE),
        new Row("state.score > 1 and off", FALSE),
        new Row("flag and not off", TRUE),
        new Row("profile.address", TRUE),
        // hidden values are readable
        new Row("state._loop_iteration_refine >= 3", TRUE),
        new Row("state.flag and _loop_iteration_refine", TRUE),
        new Row("_loop_iteration_refine < 3", EVAL_ERROR), // compared bare words are text: '...' < 3
        // empty and default
        new Row("   ", TRUE),
        new Row("default", TRUE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void conditionEvaluatesAsPythonWould(Row row) {
    assertThat(outcome(row.condition(), STATE)).isEqualTo(row.expected());
  }

  @Test
  void numbersOfEveryJavaTypeCompareByValue() {
    Map<String, ?> numbers = state(
        "i", 5, "l", 5L, "d", 5.0, "f", 5.0f, "bd", new BigDecimal("5.0"), "bi", BigInteger.valueOf(5),
        "huge", new BigInteger("100000000000000000000"), "nan", Double.NaN, "inf", Double.POSITIVE_INFINITY);
    assertThat(Condition.parse("state.i == state.l == state.d == state.f == state.bd == state.bi").evaluate(numbers))
        .isTrue();
    assertThat(Condition.parse("state.huge == 100000000000000000000 and state.huge > 99999999999999999999")
        .evaluate(numbers)).isTrue();
    assertThat(Condition.parse("state.inf > state.huge and state.huge > 1e19").evaluate(numbers)).isTrue();
    assertThat(Condition.parse("state.nan == state.nan or state.nan < 1 or state.nan >= 1").evaluate(numbers))
        .isFalse();
    assertThat(Condition.parse("state.nan").evaluate(numbers)).as("NaN is truthy in Python").isTrue();
  }

  @Test
  void fieldRefsListEveryPathReadWithOffsetsAndPrefix() {
    Condition condition = Condition.parse(
        "{state.score} >= 8 and state.profile.name in ['a'] or approved and state.s == pending and {x.y}");

    assertThat(condition.fieldRefs()).containsExactly(
        new FieldRef("state.score", List.of("score"), 0, true),
        new FieldRef("state.profile.name", List.of("profile", "name"), 23, true),
        new FieldRef("approved", List.of("approved"), 54, false),
        new FieldRef("state.s", List.of("s"), 67, true),
        new FieldRef("x.y", List.of("x", "y"), 90, false));
  }

  @Test
  void comparedBareWordsAreTextNotFieldRefs() {
    Condition condition = Condition.parse("state.status == approved");

    assertThat(condition.fieldRefs()).extracting(FieldRef::text).containsExactly("state.status");
  }

  @Test
  void pathsInsideQuotedTextAreNotFieldRefs() {
    assertThat(Condition.parse("state.note == 'see state.other'").fieldRefs())
        .extracting(FieldRef::text).containsExactly("state.note");
  }

  @Test
  void hiddenLoopCounterIsAFieldRef() {
    assertThat(Condition.parse("state._loop_iteration_refine >= 3").fieldRefs())
        .containsExactly(new FieldRef("state._loop_iteration_refine", List.of("_loop_iteration_refine"), 0, true));
  }

  @Test
  void offsetsCountFromTheUntrimmedSource() {
    Condition condition = Condition.parse("   state.a > 1");

    assertThat(condition.fieldRefs()).extracting(FieldRef::offset).containsExactly(3);
  }

  @Test
  void unparenthesisedMixOfAndOrWarnsWithBothGroupings() {
    Condition condition = Condition.parse("state.flag or state.n < 3 and state.score < 0.5");

    assertThat(condition.warnings()).containsExactly(ExprProblem.of(
        0,
        "'and' binds tighter than 'or': this reads as state.flag or (state.n < 3 and state.score < 0.5), "
            + "but the Python reference runtime grouped it as (state.flag or state.n < 3) and state.score < 0.5",
        "perhaps you should add parentheses to say which you mean"));
  }

  @Test
  void mixedChainInsideParenthesesWarnsAtItsOwnStart() {
    Condition condition = Condition.parse("state.x and (state.a and state.b or state.c)");

    assertThat(condition.warnings()).singleElement().satisfies(warning -> {
      assertThat(warning.offset()).isEqualTo(13);
      assertThat(warning.message()).endsWith("grouped it as state.a and (state.b or state.c)");
    });
  }

  @Test
  void parenthesisedOrSingleOperatorChainsDoNotWarn() {
    assertThat(Condition.parse("state.a or (state.b and state.c)").warnings()).isEmpty();
    assertThat(Condition.parse("(state.a or state.b) and state.c").warnings()).isEmpty();
    assertThat(Condition.parse("state.a and state.b and not state.c").warnings()).isEmpty();
    assertThat(Condition.parse("state.a or state.b or state.c").warnings()).isEmpty();
  }

  @Test
  void comparisonOfTwoConstantsWarnsAndSuggestsTheField() {
    Condition condition = Condition.parse("status == 'approved' and state.ok");

    assertThat(condition.warnings()).containsExactly(ExprProblem.of(
        0, "status == 'approved' compares two constants, so its result never changes", "did you mean state.status?"));
  }

  @Test
  void conditionReadingNoFieldWarnsWithItsConstantValue() {
    assertThat(Condition.parse("True").warnings()).containsExactly(ExprProblem.of(
        0, "the condition reads no state field, so it is always true",
        "perhaps you should refer to a field as state.<name>"));
    assertThat(Condition.parse("not [1]").warnings()).extracting(ExprProblem::message)
        .containsExactly("the condition reads no state field, so it is always false");
  }

  @Test
  void nullLookalikeComparedAsTextWarns() {
    assertThat(Condition.parse("state.x == none").warnings()).containsExactly(ExprProblem.of(
        11, "'none' is compared as the text \"none\"", "did you mean None (or null)?"));
  }

  @Test
  void ordinaryConditionsHaveNoWarnings() {
    assertThat(Condition.parse("{state.score} >= 8").warnings()).isEmpty();
    assertThat(Condition.parse("state.status == approved and state.n in [1, 2]").warnings()).isEmpty();
    assertThat(Condition.parse("default").warnings()).isEmpty();
    assertThat(Condition.parse("").warnings()).isEmpty();
  }

  @Test
  void onlyTheExactWordDefaultIsTheDefaultRoute() {
    assertThat(Condition.parse("default").isDefault()).isTrue();
    assertThat(Condition.parse(" default").isDefault()).isFalse();
    assertThat(Condition.parse(" default").evaluate(Map.of())).isTrue();
    assertThat(Condition.parse("Default").isDefault()).isFalse();
    assertThat(Condition.parse("Default").fieldRefs()).extracting(FieldRef::text).containsExactly("Default");
  }

  @Test
  void conditionsWithTheSameSourceAreEqual() {
    assertThat(Condition.parse("state.a > 1")).isEqualTo(Condition.parse("state.a > 1"))
        .hasSameHashCodeAs(Condition.parse("state.a > 1"))
        .isNotEqualTo(Condition.parse("state.a > 2"));
    assertThat(new HashSet<>(List.of(Condition.parse("x"), Condition.parse("x")))).hasSize(1);
    assertThat(Condition.parse(" state.a ").toString()).isEqualTo(" state.a ");
  }
}
