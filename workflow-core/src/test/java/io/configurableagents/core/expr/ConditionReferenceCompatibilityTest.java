package io.configurableagents.core.expr;

import static io.configurableagents.core.expr.ConditionTestSupport.Outcome.EVAL_ERROR;
import static io.configurableagents.core.expr.ConditionTestSupport.Outcome.FALSE;
import static io.configurableagents.core.expr.ConditionTestSupport.Outcome.SYNTAX_ERROR;
import static io.configurableagents.core.expr.ConditionTestSupport.Outcome.TRUE;
import static io.configurableagents.core.expr.ConditionTestSupport.list;
import static io.configurableagents.core.expr.ConditionTestSupport.outcome;
import static io.configurableagents.core.expr.ConditionTestSupport.state;
import static io.configurableagents.core.expr.ConditionReferenceCompatibilityTest.VsReference.DIFFERS;
import static io.configurableagents.core.expr.ConditionReferenceCompatibilityTest.VsReference.KEPT;
import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.expr.ConditionTestSupport.Outcome;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the reference's condition evaluator (docs/conditions.md, "Differences from the Python
 * reference runtime"; the reference's condition algorithm, its literal rules,
 * Python comparison and truthiness, and the listed consequences), with what we do and what the
 * reference did. The {@code vsReference} column says whether we keep the reference's meaning
 * ({@code KEPT}: the same route is taken) or differ on purpose ({@code DIFFERS}: a deliberate difference or a
 * [BROKEN-REF] defect; docs/conditions.md lists each).
 */
class ConditionReferenceCompatibilityTest {

  enum VsReference {
    KEPT,
    DIFFERS
  }

  /**
   * @param referenceTakesRoute what the reference's route scan did (an error there means false)
   */
  record Row(
      String condition, Map<String, ?> state, Outcome ours, boolean referenceTakesRoute,
      VsReference vsReference, String rule) {
    @Override
    public String toString() {
      return vsReference + " " + rule + ": " + condition + " with " + state;
    }
  }

  static Stream<Row> rows() {
    return Stream.of(
        // step 1: empty and default
        new Row("", state(), TRUE, true, KEPT, "1 empty is true"),
        new Row("default", state(), TRUE, true, KEPT, "1 default is true"),
        new Row("  default  ", state(), TRUE, true, KEPT, "1 trimmed default is true"),
        // step 2: no state.<word> token
        new Row("true", state(), TRUE, false, DIFFERS, "2 constant without state. is evaluated"),
        new Row("1 == 1", state(), TRUE, false, DIFFERS, "2 constant without state. is evaluated"),
        // step 3: reserved substrings
        new Row("state.imported == True", state("imported", true), TRUE, false, DIFFERS, "3 no reserved substrings"),
        new Row("state.note == 'evaluation'", state("note", "evaluation"), TRUE, false, DIFFERS,
            "3 no reserved substrings"),
        new Row("state.__class__", state("a", 1), EVAL_ERROR, false, KEPT, "3 dunder names are just missing fields"),
        // step 4a/4b: and, or
        new Row("state.score >= 0.8 and state.approved", state("score", 0.9, "approved", true), TRUE, true, KEPT,
            "4a and"),
        new Row("state.score >= 0.8 and state.approved", state("score", 0.9, "approved", false), FALSE, false, KEPT,
            "4a and"),
        new Row("state.a == 1 and state.name > 5", state("a", 2, "name", "x"), FALSE, false, KEPT,
            "4a error in a later part: we short-circuit, both false"),
        new Row("state.a == 1 or state.b == 2", state("a", 0, "b", 2), TRUE, true, KEPT, "4b or"),
        new Row("state.a == 1 or state.b == 2", state("a", 0, "b", 3), FALSE, false, KEPT, "4b or"),
        new Row("state.a == 1 or state.name > 5", state("a", 1, "name", "x"), TRUE, false, DIFFERS,
            "4b or short-circuits as in Python; the reference erred on any part"),
        new Row("state.a == 2 or state.name > 5", state("a", 1, "name", "x"), EVAL_ERROR, false, KEPT,
            "4b error in the deciding part"),
        // step 4c: comparisons
        new Row("state.n == 5", state("n", 5), TRUE, true, KEPT, "4c =="),
        new Row("state.n != 5", state("n", 5), FALSE, false, KEPT, "4c !="),
        new Row("state.n >= 5", state("n", 5), TRUE, true, KEPT, "4c >="),
        new Row("state.n <= 4", state("n", 5), FALSE, false, KEPT, "4c <="),
        new Row("state.n > 4", state("n", 5), TRUE, true, KEPT, "4c >"),
        new Row("state.n < 5", state("n", 5), FALSE, false, KEPT, "4c <"),
        new Row("state.n==5", state("n", 5), TRUE, true, KEPT, "4c spaces optional"),
        new Row("state.status == approved", state("status", "approved"), TRUE, true, KEPT, "4c bare word is text"),
        new Row("state.status == pending", state("status", "approved"), FALSE, false, KEPT, "4c bare word is text"),
        new Row("state.status == \"approved\"", state("status", "approved"), TRUE, true, KEPT, "4c double quotes"),
        new Row("state.status == 'approved'", state("status", "approved"), TRUE, true, KEPT, "4c single quotes"),
        new Row("state.s == \"it's\"", state("s", "it's"), TRUE, true, KEPT, "4c ' inside double quotes"),
        new Row("state.missing == 1", state("n", 1), EVAL_ERROR, false, KEPT, "4c missing field"),
        new Row("state.s == hello world", state("s", "hello world"), SYNTAX_ERROR, true, DIFFERS,
            "4c unquoted text with spaces must be quoted"),
        new Row("state.a == 1 AND state.b == 2", state("a", 1, "b", 2), SYNTAX_ERROR, false, DIFFERS,
            "4c upper-case AND was text in the reference; an error with a hint here"),
        new Row("state.a == state.b", state("a", 1, "b", 1), TRUE, false, DIFFERS,
            "4c a path on the right is a field, not the text \"state.b\""),
        // step 4d: truthiness of state.<word>
        new Row("state.flag", state("flag", true), TRUE, true, KEPT, "4d truthiness"),
        new Row("not state.flag", state("flag", true), FALSE, false, KEPT, "4d not"),
        new Row("not state.flag", state("flag", false), TRUE, true, KEPT, "4d not"),
        new Row("state.flag", state("n", 1), EVAL_ERROR, false, KEPT, "4d missing field"),
        new Row("not state.flag", state("n", 1), EVAL_ERROR, false, KEPT, "4d missing field"),
        // step 4e: bare field names after an and/or split
        new Row("state.n > 1 and approved", state("n", 5, "approved", true), TRUE, true, KEPT, "4e bare field"),
        new Row("state.n > 1 and approved", state("n", 5, "approved", false), FALSE, false, KEPT, "4e bare field"),
        new Row("state.n > 1 and not approved", state("n", 5, "approved", false), TRUE, true, KEPT,
            "4e not bare field"),
        new Row("state.n > 1 or approved", state("n", 0, "approved", true), TRUE, true, KEPT, "4e bare field"),
        new Row("state.n > 1 and approved", state("n", 5), EVAL_ERROR, false, KEPT, "4e bare word naming no field"),
        // step 4f/4g: parentheses
        new Row("(state.n > 1)", state("n", 5), TRUE, true, KEPT, "4f parentheses around a comparison"),
        new Row("((state.n > 1))", state("n", 5), TRUE, true, KEPT, "4f nested parentheses"),
        new Row("state.n > 1 and (state.b == 5)", state("n", 5, "b", 5), TRUE, false, DIFFERS, "4g parentheses anywhere"),
        new Row("state.a == 1 and state.b == '(x)'", state("a", 1, "b", "(x)"), TRUE, false, DIFFERS,
            "4a a ( anywhere stopped the reference's split"),
        // step 5: literals
        new Row("state.x == 1.5", state("x", 1.5), TRUE, true, KEPT, "5 decimal"),
        new Row("state.x == .9", state("x", 0.9), TRUE, true, KEPT, "5 .9 is 0.9"),
        new Row("state.x == +5", state("x", 5), TRUE, true, KEPT, "5 +5 is an int"),
        new Row("state.x == 05", state("x", 5), TRUE, true, KEPT, "5 05 is an int"),
        new Row("state.x == 1_000", state("x", 1000), TRUE, true, KEPT, "5 1_000 is an int"),
        new Row("state.x == -3", state("x", -3), TRUE, true, KEPT, "5 negative int"),
        new Row("state.flag == true", state("flag", true), TRUE, true, KEPT, "5 true"),
        new Row("state.flag == TRUE", state("flag", true), TRUE, true, KEPT, "5 booleans in any case"),
        new Row("state.flag == False", state("flag", false), TRUE, true, KEPT, "5 False"),
        new Row("state.x == None", state("x", null), TRUE, false, DIFFERS, "5 None is null, not the text"),
        new Row("state.x == None", state("x", "None"), FALSE, true, DIFFERS, "5 None is null, not the text"),
        new Row("state.x == null", state("x", null), TRUE, false, DIFFERS, "5 null is null, not the text"),
        new Row("state.x != None", state("x", null), FALSE, true, DIFFERS, "5 None is null, not the text"),
        new Row("state.tags == []", state("tags", list()), TRUE, false, DIFFERS, "5 [] is a list"),
        new Row("state.x == 1e5", state("x", 100000), TRUE, false, DIFFERS, "5 1e5 is a number"),
        new Row("state.s == 1e5", state("s", "1e5"), FALSE, true, DIFFERS, "5 1e5 is a number"),
        // item 6: Python comparison
        new Row("state.n == 5", state("n", 5.0), TRUE, true, KEPT, "6 int and float numeric"),
        new Row("state.n < 5.5", state("n", 5), TRUE, true, KEPT, "6 int and float numeric"),
        new Row("state.flag > 0", state("flag", true), TRUE, true, KEPT, "6 bool is 1"),
        new Row("state.flag == 1", state("flag", true), TRUE, true, KEPT, "6 bool is 1"),
        new Row("state.flag < 1", state("flag", false), TRUE, true, KEPT, "6 bool is 0"),
        new Row("state.s == 5", state("s", "5"), FALSE, false, KEPT, "6 str never equals int"),
        new Row("state.s != 5", state("s", "5"), TRUE, true, KEPT, "6 str never equals int"),
        new Row("state.s > 5", state("s", "9"), EVAL_ERROR, false, KEPT, "6 ordering str with int"),
        new Row("state.x > 5", state("x", null), EVAL_ERROR, false, KEPT, "6 ordering None with int"),
        new Row("state.s < 'b'", state("s", "a"), TRUE, true, KEPT, "6 strings by code point"),
        new Row("state.s < 'a'", state("s", "Z"), TRUE, true, KEPT, "6 upper case sorts first"),
        new Row("state.s > '\uFFFD'", state("s", "\uD83D\uDE00"), TRUE, true, KEPT,
            "6 code points, not UTF-16 units"),
        // item 7: Python truthiness
        new Row("state.v", state("v", null), FALSE, false, KEPT, "7 None"),
        new Row("state.v", state("v", false), FALSE, false, KEPT, "7 False"),
        new Row("state.v", state("v", 0), FALSE, false, KEPT, "7 0"),
        new Row("state.v", state("v", 0.0), FALSE, false, KEPT, "7 0.0"),
        new Row("state.v", state("v", ""), FALSE, false, KEPT, "7 empty str"),
        new Row("state.v", state("v", list()), FALSE, false, KEPT, "7 empty list"),
        new Row("state.v", state("v", Map.of()), FALSE, false, KEPT, "7 empty dict"),
        new Row("state.v", state("v", "x"), TRUE, true, KEPT, "7 str"),
        new Row("state.v", state("v", 0.1), TRUE, true, KEPT, "7 float"),
        new Row("state.v", state("v", list(0)), TRUE, true, KEPT, "7 list"),
        new Row("state.v", state("v", Map.of("a", 1)), TRUE, true, KEPT, "7 dict"),
        // consequences of the reference's algorithm (docs/conditions.md, "Differences from the Python reference runtime")
        new Row("state.flag or state.n < 3 and state.score < 0.5", state("flag", true, "n", 5, "score", 0.9),
            TRUE, false, DIFFERS, "and binds tighter than or (warned)"),
        new Row("state.flag or state.n < 3 and state.score < 0.5", state("flag", false, "n", 1, "score", 0.1),
            TRUE, true, KEPT, "and/or grouping agrees here"),
        new Row("(state.a > 1) and (state.b == 5)", state("a", 2, "b", 5), TRUE, false, DIFFERS,
            "parentheses anywhere"),
        new Row("not state.n > 3", state("n", 1), TRUE, false, DIFFERS, "not applies to any expression"),
        new Row("state.meta.a == 1", state("meta", Map.of("a", 1)), TRUE, false, DIFFERS, "dotted paths"),
        new Row("state.tag in ['a', 'b']", state("tag", "a"), TRUE, false, DIFFERS, "in"),
        new Row("state.tag not in ['a', 'b']", state("tag", "c"), TRUE, false, DIFFERS, "not in"),
        new Row("state.title == 'war and peace'", state("title", "war and peace"), TRUE, false, DIFFERS,
            "' and ' inside a string"),
        new Row("{state.x} >= 8", state("x", 9), TRUE, false, DIFFERS, "the documented brace form"),
        new Row("{state.x} >= 8", state("x", 7), FALSE, false, KEPT, "the documented brace form"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void conditionMeansWhatTheTableSays(Row row) {
    assertThat(outcome(row.condition(), row.state())).isEqualTo(row.ours());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void vsReferenceColumnMatchesTheRoutesTaken(Row row) {
    boolean sameRoute = row.ours() != SYNTAX_ERROR && row.ours().routeTaken() == row.referenceTakesRoute();
    assertThat(sameRoute)
        .as("KEPT rows take the reference's route; DIFFERS rows do not (or are rejected)")
        .isEqualTo(row.vsReference() == KEPT);
  }
}
