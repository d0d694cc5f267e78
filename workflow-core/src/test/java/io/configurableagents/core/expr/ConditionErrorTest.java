package io.configurableagents.core.expr;

import static io.configurableagents.core.expr.ConditionTestSupport.list;
import static io.configurableagents.core.expr.ConditionTestSupport.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Syntax errors (exact offset, message, hint) and evaluation errors (exact message). */
class ConditionErrorTest {

  record SyntaxRow(String condition, int offset, String message, String hint) {
    @Override
    public String toString() {
      return condition;
    }
  }

  static Stream<SyntaxRow> syntaxErrors() {
    String deepParens = "(".repeat(51) + "state.a" + ")".repeat(51);
    String deepNots = "not ".repeat(60) + "state.a";
    String depthMessage = "the condition is nested more than 50 levels deep";
    String depthHint = "perhaps you should remove redundant parentheses or split the condition";
    return Stream.of(
        new SyntaxRow("state.a = 1", 8, "unexpected '='", "did you mean '=='?"),
        new SyntaxRow("state.a => 1", 8, "unexpected '=>'", "did you mean '>='?"),
        new SyntaxRow("state.a =< 1", 8, "unexpected '=<'", "did you mean '<='?"),
        new SyntaxRow("state.a <> 1", 8, "unexpected '<>'", "did you mean '!='?"),
        new SyntaxRow("state.a == 1 && state.b", 13, "unexpected '&&'", "did you mean 'and'?"),
        new SyntaxRow("state.a & state.b", 8, "unexpected '&'", "did you mean 'and'?"),
        new SyntaxRow("state.a || state.b", 8, "unexpected '||'", "did you mean 'or'?"),
        new SyntaxRow("!state.a", 0, "unexpected '!'", "did you mean 'not'?"),
        new SyntaxRow("state.a == 1 AND state.b == 2", 13, "unexpected 'AND'", "did you mean 'and'?"),
        new SyntaxRow("state.a Or state.b", 8, "unexpected 'Or'", "did you mean 'or'?"),
        new SyntaxRow("NOT state.a", 0, "unexpected 'NOT'", "did you mean 'not'?"),
        new SyntaxRow("state.x is None", 8, "unexpected 'is'", "did you mean '=='? (and '!=' for 'is not')"),
        new SyntaxRow("state.a not 5", 8, "unexpected 'not'",
            "did you mean 'not in'? To negate a comparison, put 'not' in front of it"),
        new SyntaxRow("state.a ==", 10, "expected a value, found the end of the condition", null),
        new SyntaxRow("state.a == and state.b", 11, "expected a value, found 'and'", null),
        new SyntaxRow("state.a == not state.b", 11, "expected a value, found 'not'", null),
        new SyntaxRow("and state.a", 0, "expected a value, found 'and'", null),
        new SyntaxRow("()", 1, "expected a value, found ')'", null),
        new SyntaxRow("(state.a > 1", 0, "unclosed '('", "perhaps you should add ')'"),
        new SyntaxRow("state.b and ((state.a > 1)", 12, "unclosed '('", "perhaps you should add ')'"),
        new SyntaxRow("state.a > 1)", 11, "unexpected ')'", "perhaps you should remove it or add a matching '('"),
        new SyntaxRow("state.a in [1, 2", 11, "unclosed '['", "perhaps you should add ']'"),
        new SyntaxRow("state.a in [1 2]", 14, "expected ',' or ']' in the list, found '2'", null),
        new SyntaxRow("state.a in [1, , 2]", 15, "expected a value, found ','", null),
        new SyntaxRow("state.a in [approved]", 12, "unquoted text 'approved' in a list", "did you mean 'approved'?"),
        new SyntaxRow("state.s == 'abc", 11, "unterminated string: no closing '", "perhaps you should add the closing '"),
        new SyntaxRow("state.", 6, "expected a field name after 'state.'", null),
        new SyntaxRow("state.a. == 1", 8, "expected a field name after 'state.a.'", null),
        new SyntaxRow("{state.a >= 8", 9, "missing '}' after '{state.a'", "perhaps you should close it: {state.a}"),
        new SyntaxRow("{{state.a}} >= 8", 1, "expected a field path after '{'",
            "perhaps you should write a field path such as {state.score}"),
        new SyntaxRow("state.a }", 8, "unexpected character '}'", null),
        new SyntaxRow("state.v == 1.2.3", 11, "malformed number '1.2.3'", "perhaps you should quote the text: '1.2.3'"),
        new SyntaxRow("state.v == v1.2", 14, "expected a field name after 'v1.'",
            "perhaps you should quote the text: 'v1.2'"),
        new SyntaxRow("state.s == hello world", 17, "unexpected 'world'",
            "perhaps you should quote the text: 'hello world'"),
        new SyntaxRow("state.s == 5 apples and state.b", 13, "unexpected 'apples'",
            "perhaps you should quote the text: '5 apples'"),
        new SyntaxRow("state.url == http://x.y/z and state.b", 17, "unexpected character ':'",
            "perhaps you should quote the text: 'http://x.y/z'"),
        new SyntaxRow("state.s == it's", 13, "unterminated string: no closing '",
            "perhaps you should quote the text: \"it's\""),
        new SyntaxRow("state.s == -x", 11, "unexpected character '-'", "perhaps you should quote the text: '-x'"),
        new SyntaxRow("state.s == 'it\\'s'", 16, "unexpected 's'",
            "strings have no escapes; perhaps you should write text containing ' between \" quotes"),
        new SyntaxRow("state.a == 1 state.b == 2", 13, "unexpected 'state.b'",
            "perhaps you should join the parts with 'and' or 'or'"),
        new SyntaxRow("state.items[0] == 'a'", 11, "unexpected '['",
            "indexing is not supported; perhaps you should test membership with 'in'"),
        new SyntaxRow("state.a + 1 > 2", 8, "unexpected character '+'", null),
        new SyntaxRow("state.a @ 1", 8, "unexpected character '@'", null),
        new SyntaxRow("state.a == 1\u0007", 12, "unexpected character U+0007", null),
        new SyntaxRow(deepParens, 50, depthMessage, depthHint),
        new SyntaxRow(deepNots, 200, depthMessage, depthHint),
        new SyntaxRow("state.a in " + "[".repeat(60) + "]".repeat(60), 61, depthMessage, depthHint));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("syntaxErrors")
  void syntaxErrorGivesOffsetMessageAndHint(SyntaxRow row) {
    ExpressionSyntaxException error =
        catchThrowableOfType(ExpressionSyntaxException.class, () -> Condition.parse(row.condition()));

    assertThat(error).as("parse(%s) must fail", row.condition()).isNotNull();
    assertThat(error.problems())
        .containsExactly(new ExprProblem(row.offset(), row.message(), Optional.ofNullable(row.hint())));
    assertThat(error).hasMessage(row.message());
  }

  record EvaluationRow(String condition, Map<String, ?> state, String message) {
    @Override
    public String toString() {
      return condition + " with " + state;
    }
  }

  static Stream<EvaluationRow> evaluationErrors() {
    Map<String, ?> nested = state("p", Map.of("q", 5));
    return Stream.of(
        new EvaluationRow("state.name < 5", state("name", "x"),
            "state.name < 5: '<' not supported between instances of 'str' and 'int'"),
        new EvaluationRow("state.x >= 1", state("x", null),
            "state.x >= 1: '>=' not supported between instances of 'NoneType' and 'int'"),
        new EvaluationRow("state.m > state.m", state("m", Map.of()),
            "state.m > state.m: '>' not supported between instances of 'dict' and 'dict'"),
        new EvaluationRow("0 < state.s < 5", state("s", "x"),
            "0 < state.s: '<' not supported between instances of 'int' and 'str'"),
        new EvaluationRow("[1, 'a'] < [1, 2]", state(),
            "[1, 'a'] < [1, 2]: '<' not supported between instances of 'str' and 'int'"),
        new EvaluationRow("state.n in 5", state("n", 1), "state.n in 5: argument of type 'int' is not iterable"),
        new EvaluationRow("state.n not in state.x", state("n", 1, "x", null),
            "state.n not in state.x: argument of type 'NoneType' is not iterable"),
        new EvaluationRow("1 in state.s", state("s", "abc"),
            "1 in state.s: 'in <string>' requires string as left operand, not int"),
        new EvaluationRow("state.l in state.m", state("l", list(), "m", Map.of()),
            "state.l in state.m: unhashable type: 'list'"),
        new EvaluationRow("state.missing", state(), "cannot read state.missing: the state has no field 'missing'"),
        new EvaluationRow("approved", state(), "cannot read approved: the state has no field 'approved'"),
        new EvaluationRow("state.p.q.r == 1", nested, "cannot read state.p.q.r: p.q is int, not an object"),
        new EvaluationRow("{state.p.z}", nested, "cannot read state.p.z: p has no key 'z'"),
        new EvaluationRow("state.n.x", state("n", null), "cannot read state.n.x: n is NoneType, not an object"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("evaluationErrors")
  void evaluationErrorSaysWhatFailedAndWhere(EvaluationRow row) {
    Condition condition = Condition.parse(row.condition());

    ConditionEvaluationException error =
        catchThrowableOfType(ConditionEvaluationException.class, () -> condition.evaluate(row.state()));

    assertThat(error).as("evaluate(%s) must fail", row.condition()).isNotNull().hasMessage(row.message());
  }

  @Test
  void evaluationErrorNeverShowsStateValues() {
    Condition condition = Condition.parse("state.api_token < 5");

    ConditionEvaluationException error = catchThrowableOfType(
        ConditionEvaluationException.class, () -> condition.evaluate(state("api_token", "sk-hunter2")));

    assertThat(error.getMessage()).doesNotContain("hunter2");
  }
}
