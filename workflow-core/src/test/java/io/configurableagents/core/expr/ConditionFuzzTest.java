package io.configurableagents.core.expr;

import static io.configurableagents.core.expr.ConditionTestSupport.list;
import static io.configurableagents.core.expr.ConditionTestSupport.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and hostile input: {@code parse} throws nothing but {@link ExpressionSyntaxException}
 * (with offsets inside the source), {@code evaluate} nothing but {@link ConditionEvaluationException},
 * deep nesting hits the depth cap instead of the stack, and nothing hangs. The timeouts are hang
 * guards, far above the real cost.
 */
class ConditionFuzzTest {
  private static final List<String> PIECES = List.of(
      "state.a", "state.b.c", "state.", "state", "{", "}", "{state.a}", "(", ")", "[", "]", ",", "'", "\"",
      "'x y'", "==", "!=", "=", "!", "<", "<=", ">", ">=", "<>", "=>", "&&", "||", "&", "|", "and", "or", "not",
      "in", "is", "AND", "Not", "1", "-2", "+3", "1.5", ".5", "1e3", "1_0", "0x1", "1.2.3", ".", "-", "+", "e",
      "_", "x", "approved", "None", "null", "True", "false", "none", "default", " ", "  ", "\t", "\n", "\\",
      "\u0000", "\u0007", "\uD83D\uDE00", "\uD800", "é", "@", ":", "#", "$");
  private static final Map<String, ?> STATE = state(
      "a", 1, "b", Map.of("c", list("x", null)), "approved", "yes", "x", null, "state", true, "e", 2.5);

  @Test
  void randomTokenSoupNeverThrowsAnythingElse() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      Random random = new Random(20_240_611L);
      for (int i = 0; i < 10_000; i++) {
        StringBuilder source = new StringBuilder();
        int length = random.nextInt(14);
        for (int j = 0; j < length; j++) {
          source.append(PIECES.get(random.nextInt(PIECES.size()))).append(random.nextBoolean() ? " " : "");
        }
        check(source.toString());
      }
    });
  }

  @Test
  void randomCharactersNeverThrowAnythingElse() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      Random random = new Random(42L);
      String alphabet = "stae.{}()[],'\"=!<>&|andortiNTF019_-+e \t\\@:é";
      for (int i = 0; i < 10_000; i++) {
        char[] chars = new char[random.nextInt(30)];
        for (int j = 0; j < chars.length; j++) {
          chars[j] = random.nextInt(8) == 0
              ? (char) random.nextInt(Character.MAX_VALUE + 1)
              : alphabet.charAt(random.nextInt(alphabet.length()));
        }
        check(new String(chars));
      }
    });
  }

  @Test
  void deepNestingStopsAtTheDepthCapNotTheStack() {
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      int n = 20_000;
      for (String deep : List.of(
          "(".repeat(n) + "state.a" + ")".repeat(n),
          "(".repeat(n),
          "not ".repeat(n) + "state.a",
          "state.a in " + "[".repeat(n) + "]".repeat(n),
          "not (".repeat(n) + "state.a" + ")".repeat(n),
          "[(".repeat(n))) {
        assertThatThrownBy(() -> Condition.parse(deep))
            .isInstanceOf(ExpressionSyntaxException.class)
            .hasMessage("the condition is nested more than 50 levels deep");
      }
    });
  }

  @Test
  void nestingUpToTheCapParsesAndEvaluates() {
    String fifty = "(".repeat(50) + "state.a == 1" + ")".repeat(50);

    assertThat(Condition.parse(fifty).evaluate(STATE)).isTrue();
    assertThat(Condition.parse("not ".repeat(50) + "state.a").evaluate(STATE)).isTrue();
  }

  @Test
  void longFlatConditionsParseAndEvaluateWithoutRecursion() {
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      String ands = "state.a == 1 and ".repeat(20_000) + "state.a";
      String mixed = "state.a == 2 or state.a == 1 and ".repeat(10_000) + "state.a";
      String chain = "0 < ".repeat(20_000) + "state.a";

      assertThat(Condition.parse(ands).evaluate(STATE)).isTrue();
      assertThat(Condition.parse(mixed).evaluate(STATE)).isTrue();
      assertThat(Condition.parse(mixed).warnings()).hasSize(1);
      assertThat(Condition.parse(chain).evaluate(STATE)).isFalse();
    });
  }

  @Test
  void longRunsOfSpacesAndTextInErrorsStayFast() {
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      assertThatThrownBy(() -> Condition.parse("state.s == a" + " ".repeat(1_000_000) + "b"))
          .isInstanceOf(ExpressionSyntaxException.class);
      assertThatThrownBy(() -> Condition.parse("state.s == " + "1".repeat(1_000_000) + "x"))
          .isInstanceOf(ExpressionSyntaxException.class);
      assertThatThrownBy(() -> Condition.parse("state.s == '" + "x".repeat(1_000_000)))
          .isInstanceOf(ExpressionSyntaxException.class);
    });
  }

  private static void check(String source) {
    Condition condition;
    try {
      condition = Condition.parse(source);
    } catch (ExpressionSyntaxException e) {
      assertThat(e.problems()).as(source).isNotEmpty()
          .allSatisfy(problem -> assertThat(problem.offset()).as(source).isBetween(0, source.length()));
      return;
    }
    assertThat(condition.fieldRefs()).as(source)
        .allSatisfy(ref -> assertThat(ref.offset()).isBetween(0, source.length() - 1));
    assertThat(condition.warnings()).as(source)
        .allSatisfy(warning -> assertThat(warning.offset()).isBetween(0, source.length()));
    try {
      condition.evaluate(STATE);
    } catch (ConditionEvaluationException expected) {
      assertThat(expected.getMessage()).as(source).isNotBlank();
    }
  }
}
