package io.configurableagents.core.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Randomised checks (fixed seeds, so failures reproduce) of template parsing and rendering. */
class TemplatePropertiesTest {
  private static final List<String> TOKENS = List.of(
      "{", "{", "}", "}", "{{", "}}", "a", "b1", "state", ".", " ", "\n", "\"", ":", "-", "_x", "1");

  @Test
  void randomTextEitherParsesWithConsistentPlaceholdersOrReportsProblemsAtOpeningBraces() {
    Random random = new Random(99);
    int parsed = 0;
    int rejected = 0;
    for (int i = 0; i < 20_000; i++) {
      String source = soup(random);
      try {
        Template template = Template.parse(source);
        Map<String, Object> state = new HashMap<>();
        for (FieldRef ref : template.placeholders()) {
          assertThat(source.charAt(ref.offset())).as(source).isEqualTo('{');
          assertThat(source.substring(ref.offset() + 1)).as(source).startsWith(ref.text() + "}");
          state.put(ref.root(), valueAt(ref.path().subList(1, ref.path().size())));
        }
        assertThat(template.render(state, Map.of())).isNotNull();
        parsed++;
      } catch (ExpressionSyntaxException e) {
        assertThat(e.problems()).as(source).isNotEmpty();
        assertThat(e.problems()).as(source).allSatisfy(p -> {
          assertThat(source.charAt(p.offset())).isEqualTo('{');
          assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("{{"));
        });
        assertThat(e.problems()).extracting(ExprProblem::offset).as(source).isSorted().doesNotHaveDuplicates();
        rejected++;
      }
    }
    assertThat(parsed).isGreaterThan(1_000);
    assertThat(rejected).isGreaterThan(1_000);
  }

  @Test
  void doublingEveryBraceAlwaysGivesTheTextBack() {
    Random random = new Random(5);
    for (int i = 0; i < 20_000; i++) {
      String text = soup(random);
      String escaped = text.replace("{", "{{").replace("}", "}}");

      Template template = Template.parse(escaped);

      assertThat(template.placeholders()).as(escaped).isEmpty();
      assertThat(template.render(Map.of(), Map.of())).isEqualTo(text);
    }
  }

  /** A value that a path of the given remaining segments resolves in: nested maps ending in "v". */
  private static Object valueAt(List<String> rest) {
    Object value = "v";
    for (int i = rest.size() - 1; i >= 0; i--) {
      value = Map.of(rest.get(i), value);
    }
    return value;
  }

  private static String soup(Random random) {
    StringBuilder out = new StringBuilder();
    int tokens = 1 + random.nextInt(12);
    for (int t = 0; t < tokens; t++) {
      out.append(TOKENS.get(random.nextInt(TOKENS.size())));
    }
    return out.toString();
  }
}
