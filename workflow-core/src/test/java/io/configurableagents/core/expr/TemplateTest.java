package io.configurableagents.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Templates (docs/workflow-format.md, "Prompts and placeholders"): syntax, validation, rendering, input mappings, the {{ }} escape. */
class TemplateTest {

  // ---- parsing ------------------------------------------------------------------------------

  @Test
  void placeholdersAreListedInOrderWithOffsetsAndStatePrefixStripped() {
    Template template = Template.parse("Write about {state.topic} for {audience}, see {state.profile.name}.");

    assertThat(template.placeholders()).containsExactly(
        new FieldRef("state.topic", List.of("topic"), 12, true),
        new FieldRef("audience", List.of("audience"), 30, false),
        new FieldRef("state.profile.name", List.of("profile", "name"), 46, true));
  }

  @Test
  void aFieldCalledStateIsNotAPrefix() {
    assertThat(Template.parse("{state}").placeholders())
        .containsExactly(new FieldRef("state", List.of("state"), 0, false));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "'{_x}'                  | _x",
      "'{a1.b_2.c}'            | a1.b_2.c",
      "'{_loop_iteration_write}' | _loop_iteration_write",
      "'{items.0}'             | items.0",
      "'{my-field}'            | my-field",
  })
  void namesFollowTheIdentifierPathRule(String source, String text) {
    assertThat(Template.parse(source).placeholders()).extracting(FieldRef::text).containsExactly(text);
  }

  @ParameterizedTest(name = "{0} renders as {1}")
  @CsvSource(delimiter = '|', value = {
      // tolerated by the reference's validator and kept as literal text
      "'empty {} braces'          | 'empty {} braces'",
      "'open { with no close'     | 'open { with no close'",
      "'a lone } brace'           | 'a lone } brace'",
      // doubled braces are literal braces (the reference rejects {{topic}})
      "'{{topic}}'                | '{topic}'",
      "'JSON: {{\"a\": {{\"b\": 1}}}}' | 'JSON: {\"a\": {\"b\": 1}}'",
      "'{{{topic}}}'              | '{AI}'",
      "'{{}}'                     | '{}'",
  })
  void literalBracesRenderAsText(String source, String rendered) {
    assertThat(Template.parse(source).render(Map.of("topic", "AI"), Map.of())).isEqualTo(rendered);
  }

  @Test
  void jsonInAPromptIsRejectedAsTheReferenceDoesWithTheHintToDoubleTheBraces() {
    ExpressionSyntaxException e = syntaxError("Return {\"a\": 1}");

    assertThat(e.problems()).containsExactly(ExprProblem.of(7,
        "bad placeholder {\"a\": 1}: a placeholder is a field name or a dotted path,"
            + " such as {topic} or {state.profile.name}",
        "to show the braces literally, write {{\"a\": 1}}"));
    assertThat(e.getMessage()).startsWith("bad placeholder {\"a\": 1}");
  }

  @Test
  void spacesInsideBracesAreRejectedWithTheLikelyPlaceholder() {
    ExpressionSyntaxException e = syntaxError("Hi { topic }!");

    assertThat(e.problems()).containsExactly(ExprProblem.of(3,
        "bad placeholder { topic }: spaces are not allowed inside the braces",
        "did you mean {topic}? to show the braces literally, write {{ topic }}"));
  }

  @Test
  void everyBadBraceGroupIsReportedWithItsOffset() {
    ExpressionSyntaxException e = syntaxError("{a..b} ok {fine} {a.} {1abc} {state.} {x y}");

    assertThat(e.problems()).extracting(ExprProblem::offset).containsExactly(0, 17, 22, 29, 38);
    assertThat(e.problems()).extracting(ExprProblem::message).containsExactly(
        "bad placeholder {a..b}: a path segment is empty",
        "bad placeholder {a.}: a path segment is empty",
        "bad placeholder {1abc}: a placeholder is a field name or a dotted path, such as {topic} or {state.profile.name}",
        "bad placeholder {state.}: a path segment is empty",
        "bad placeholder {x y}: a placeholder is a field name or a dotted path, such as {topic} or {state.profile.name}");
    assertThat(e.problems()).allSatisfy(p -> assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("{{")));
  }

  @Test
  void braceGroupsSpanLinesAsInTheReference() {
    ExpressionSyntaxException e = syntaxError("Example:\n{\n  \"k\": 1\n}\n");

    assertThat(e.problems()).containsExactly(ExprProblem.of(9,
        "bad placeholder {\\n  \"k\": 1\\n}: a placeholder is a field name or a dotted path,"
            + " such as {topic} or {state.profile.name}",
        "to show braces literally, double them: {{ and }}"));
  }

  @Test
  void longBadGroupsAreCutInTheMessage() {
    ExpressionSyntaxException e = syntaxError("{" + "x".repeat(500) + " y}");

    assertThat(e.problems().get(0).message()).hasSizeLessThan(150).contains("...");
  }

  // ---- rendering ----------------------------------------------------------------------------

  @Test
  void valuesRenderInTheirPythonStrForms() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("nothing", null);
    state.put("flag", true);
    state.put("tags", List.of("a", "b"));
    state.put("counts", Map.of("a", 1L));
    state.put("ratio", 3.0);
    state.put("text", "it's");

    String rendered = Template.parse("{nothing} {flag} {tags} {counts} {ratio} {text}").render(state, Map.of());

    assertThat(rendered).isEqualTo("None True ['a', 'b'] {'a': 1} 3.0 it's");
  }

  @Test
  void dottedPathsWalkThroughMaps() {
    Map<String, Object> state = Map.of("profile", Map.of("address", Map.of("city", "Oslo")));

    assertThat(Template.parse("{state.profile.address.city}").render(state, Map.of())).isEqualTo("Oslo");
  }

  @Test
  void inputsShadowStateEvenWithTheStatePrefixAsInTheReference() {
    Template template = Template.parse("{state.topic} / {topic}");

    assertThat(template.render(Map.of("topic", "from state"), Map.of("topic", "from input")))
        .isEqualTo("from input / from input");
  }

  @Test
  void inputKeysMatchTheWholeDottedText() {
    Template template = Template.parse("{a.b}");

    assertThat(template.render(Map.of("a", Map.of("b", "state")), Map.of("a.b", "input"))).isEqualTo("input");
  }

  @Test
  void insertedTextIsNeverScannedAgainUnlikeTheReference() {
    // The reference replaces placeholders one after another, so a value holding "{b}" could be
    // substituted again; we render in one left-to-right pass.
    Template template = Template.parse("{a} {b}");

    assertThat(template.render(Map.of("a", "{b}", "b", "B"), Map.of())).isEqualTo("{b} B");
  }

  @Test
  void aFieldHoldingNullIsNotMissing() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("draft", null);

    assertThat(Template.parse("[{draft}]").render(state, Map.of())).isEqualTo("[None]");
  }

  @Test
  void hiddenValuesAreVisibleToTemplates() {
    Map<String, Object> state = Map.of("_loop_iteration_write", 2L, "_parallel_item", "x", "_parallel_index", 0L);

    assertThat(Template.parse("{_loop_iteration_write}:{_parallel_index}:{_parallel_item}").render(state, Map.of()))
        .isEqualTo("2:0:x");
  }

  @Test
  void missingVariableIsNamedWithACloseNameAndWhatIsAvailable() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("topic", "AI");
    state.put("score", 7L);

    TemplateRenderException e = renderError("About {topc}", state, Map.of("query", "q"));

    assertThat(e.variable()).isEqualTo("topc");
    assertThat(e.getMessage()).isEqualTo(
        "variable {topc} not found (did you mean \"topic\"?); available inputs: query; available state fields: topic, score");
  }

  @Test
  void missingVariableWithoutInputsListsStateOnly() {
    TemplateRenderException e = renderError("{state.nope}", Map.of("topic", "AI"), Map.of());

    assertThat(e.variable()).isEqualTo("state.nope");
    assertThat(e.getMessage()).isEqualTo("variable {state.nope} not found; available state fields: topic");
  }

  @Test
  void missingNestedKeySuggestsAndListsTheKeys() {
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("name", "Ada");
    profile.put("age", 36L);

    TemplateRenderException e = renderError("{profile.nmae}", Map.of("profile", profile), Map.of());

    assertThat(e.getMessage()).isEqualTo(
        "variable {profile.nmae} not found: profile has no key \"nmae\" (did you mean \"name\"?); its keys: name, age");
  }

  @Test
  void walkingIntoNullListsOrScalarsFails() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("o", null);
    state.put("items", List.of(1L));
    state.put("topic", "AI");

    assertThat(renderError("{o.name}", state, Map.of()).getMessage())
        .isEqualTo("variable {o.name} not found: o is None, not an object");
    assertThat(renderError("{items.0}", state, Map.of()).getMessage())
        .isEqualTo("variable {items.0} not found: items is a list, not an object (list indexing is not supported)");
    assertThat(renderError("{topic.x}", state, Map.of()).getMessage())
        .isEqualTo("variable {topic.x} not found: topic is a str, not an object");
  }

  @Test
  void fieldNameWithADashIsSubstitutedUnlikeTheReference() {
    // the reference validates {my-field} and then leaves it unreplaced at run time.
    assertThat(Template.parse("[{my-field}]").render(Map.of("my-field", "v"), Map.of())).isEqualTo("[v]");
  }

  // ---- input mappings (docs/engine.md, "One node") -----------------------------------------------------------

  @Test
  void inputMappingsRenderToStringsAgainstStateOnly() {
    Map<String, Template> mappings = new LinkedHashMap<>();
    mappings.put("nums", Template.parse("{state.nums}"));
    mappings.put("label", Template.parse("Topic is {topic}!"));

    Map<String, String> inputs = Template.renderInputs(mappings, Map.of("nums", List.of(1L, 2L), "topic", "AI"));

    assertThat(inputs).containsExactly(Map.entry("nums", "[1, 2]"), Map.entry("label", "Topic is AI!"));
  }

  @Test
  void inputMappingsCannotSeeOtherInputs() {
    Map<String, Template> mappings = new LinkedHashMap<>();
    mappings.put("q", Template.parse("{topic}"));
    mappings.put("r", Template.parse("{q}"));

    assertThatThrownBy(() -> Template.renderInputs(mappings, Map.of("topic", "AI")))
        .isInstanceOf(TemplateRenderException.class)
        .hasMessage("input \"r\": variable {q} not found; available state fields: topic");
  }

  @Test
  void renderedInputsFeedThePrompt() {
    Map<String, Object> state = Map.of("topic", "AI");
    Map<String, String> inputs = Template.renderInputs(Map.of("query", Template.parse("{state.topic} news")), state);

    assertThat(Template.parse("Search: {query}").render(state, inputs)).isEqualTo("Search: AI news");
  }

  private static ExpressionSyntaxException syntaxError(String source) {
    ExpressionSyntaxException e = catchThrowableOfType(ExpressionSyntaxException.class, () -> Template.parse(source));
    assertThat(e).as("parse error for %s", source).isNotNull();
    return e;
  }

  private static TemplateRenderException renderError(String source, Map<String, ?> state, Map<String, String> inputs) {
    Template template = Template.parse(source);
    TemplateRenderException e = catchThrowableOfType(TemplateRenderException.class, () -> template.render(state, inputs));
    assertThat(e).as("render error for %s", source).isNotNull();
    return e;
  }
}
