package io.configurableagents.core.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.configurableagents.core.model.SourceLocation;
import io.configurableagents.core.model.StateField;
import io.configurableagents.core.model.TypeRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Element types, nested objects and the initial run state (docs/workflow-format.md, "How values are coerced"). */
class CoercionTest {
  private static final SourceLocation AT = SourceLocation.of("workflow.yaml", 1, 1);

  @Test
  void listElementsAreCoercedOneByOne() {
    CoercionResult result = Coercion.coerce(List.of(1, "2", 3.0, true), TypeRef.parse("list[int]"), "scores");

    assertThat(result.problems()).isEmpty();
    assertThat(result.value()).isEqualTo(List.of(1L, 2L, 3L, 1L));
  }

  @Test
  void everyBadElementIsReportedWithItsIndex() {
    CoercionResult result = Coercion.coerce(List.of(1, "x", 2.5, "7"), TypeRef.parse("list[int]"), "scores");

    assertThat(result.problems()).containsExactly(
        new CoercionProblem("scores[1]", "expected int, got \"x\""),
        new CoercionProblem("scores[2]", "expected int, got float 2.5 (it has a fractional part)"));
  }

  @Test
  void nullInsideATypedListIsRefused() {
    CoercionResult result = Coercion.coerce(Arrays.asList(1, null), TypeRef.parse("list[int]"), "scores");

    assertThat(result.problems()).containsExactly(new CoercionProblem("scores[1]", "expected int, got null"));
  }

  @Test
  void elementCheckingDiffersFromTheReferenceOnPurpose() {
    // the reference's list[int] accepts ["x"]; element types are enforced here (docs/workflow-format.md, "State").
    assertThat(Coercion.coerce(List.of("x"), TypeRef.parse("list[int]"), "l").ok()).isFalse();
  }

  @Test
  void untypedListKeepsAnyJsonValuesAndNormalisesNumbers() {
    List<Object> input = Arrays.asList(1, "a", null, 2.5f, new BigDecimal("3.25"), List.of(4));

    CoercionResult result = Coercion.coerce(input, TypeRef.parse("list"), "l");

    assertThat(result.value()).isEqualTo(Arrays.asList(1L, "a", null, 2.5, 3.25, List.of(4L)));
  }

  @Test
  void listRefusesObjectsAndScalars() {
    assertThat(Coercion.coerce(Map.of("a", 1), TypeRef.parse("list[int]"), "l").problems())
        .containsExactly(new CoercionProblem("l", "expected list[int], got object"));
    assertThat(Coercion.coerce("1,2", TypeRef.parse("list"), "l").problems())
        .containsExactly(new CoercionProblem("l", "expected list, got \"1,2\""));
  }

  @Test
  void nestedListsReportNestedIndexes() {
    CoercionResult result = Coercion.coerce(List.of(List.of(1), List.of(2, "z")), TypeRef.parse("list[list[int]]"), "m");

    assertThat(result.problems()).containsExactly(new CoercionProblem("m[1][1]", "expected int, got \"z\""));
  }

  @Test
  void dictValuesAreCoercedAndPathsNameTheKey() {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("apple", "3");
    input.put("pear", "many");
    input.put("two words", null);

    CoercionResult result = Coercion.coerce(input, TypeRef.parse("dict[str, int]"), "counts");

    assertThat(result.problems()).containsExactly(
        new CoercionProblem("counts.pear", "expected int, got \"many\""),
        new CoercionProblem("counts[\"two words\"]", "expected int, got null"));
  }

  @Test
  void dictKeysAreCheckedAgainstTheKeyTypeAndNormalisedAsPydanticDoes() {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put(" 6 ", 1);
    input.put("x", 2);

    CoercionResult result = Coercion.coerce(input, TypeRef.parse("dict[int, int]"), "byId");

    assertThat(result.problems()).containsExactly(
        new CoercionProblem("byId.x", "invalid key: expected int, got \"x\""));

    CoercionResult good = Coercion.coerce(Map.of(" 6 ", 1), TypeRef.parse("dict[int, int]"), "byId");
    assertThat(good.value()).isEqualTo(Map.of("6", 1L));
  }

  @Test
  void dictOfDictsIsCheckedAllTheWayDown() {
    Map<String, Object> input = Map.of("a", Map.of("b", "1", "c", "x"));

    CoercionResult result = Coercion.coerce(input, TypeRef.parse("dict[str, dict[str, int]]"), "d");

    assertThat(result.problems()).containsExactly(new CoercionProblem("d.a.c", "expected int, got \"x\""));
  }

  @Test
  void dictRefusesLists() {
    assertThat(Coercion.coerce(List.of(), TypeRef.parse("dict"), "d").problems())
        .containsExactly(new CoercionProblem("d", "expected dict, got list"));
  }

  @Test
  void objectWithSchemaChecksSubFieldsAndDropsUnknownKeys() {
    TypeRef profile = profileType();
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("age", "41");
    input.put("name", "Ada");
    input.put("nickname", "unknown, dropped");

    CoercionResult result = Coercion.coerce(input, profile, "profile");

    assertThat(result.problems()).isEmpty();
    assertThat(map(result.value())).containsExactly(
        entry("name", "Ada"), entry("age", 41L), entry("city", "London"), entry("tags", null));
  }

  @Test
  void objectSubFieldProblemsCarryDottedPaths() {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("name", 7);
    input.put("tags", List.of("a", 1));

    CoercionResult result = Coercion.coerce(input, profileType(), "profile");

    assertThat(result.problems()).containsExactly(
        new CoercionProblem("profile.name", "expected str, got int 7 (write it in quotes to pass it as text)"),
        new CoercionProblem("profile.age", "required field is missing"),
        new CoercionProblem("profile.tags[1]", "expected str, got int 1 (write it in quotes to pass it as text)"));
  }

  @Test
  void shortFormSubFieldIsNotRequiredAndMayBeNull() {
    Map<String, Object> input = new HashMap<>();
    input.put("age", 3);
    input.put("name", null);

    CoercionResult result = Coercion.coerce(input, profileType(), "profile");

    assertThat(result.problems()).isEmpty();
    assertThat(map(result.value())).containsEntry("name", null);
  }

  @Test
  void requiredSubFieldMayNotBeNull() {
    Map<String, Object> input = new HashMap<>();
    input.put("age", null);

    assertThat(Coercion.coerce(input, profileType(), "profile").problems())
        .containsExactly(new CoercionProblem("profile.age", "required field is null"));
  }

  @Test
  void objectWithoutSchemaAcceptsAnyObject() {
    CoercionResult result = Coercion.coerce(Map.of("x", List.of(1)), TypeRef.parse("object"), "o");

    assertThat(result.value()).isEqualTo(Map.of("x", List.of(1L)));
    assertThat(Coercion.coerce("text", TypeRef.parse("object"), "o").problems())
        .containsExactly(new CoercionProblem("o", "expected object, got \"text\""));
  }

  @Test
  void coercedValuesAreFreshUnmodifiableCopies() {
    List<Object> inner = new ArrayList<>(List.of(1L));
    Map<String, Object> input = new HashMap<>(Map.of("k", inner));

    Object value = Coercion.coerce(input, TypeRef.parse("dict[str, list]"), "d").value();
    inner.add(2L);

    assertThat(value).isEqualTo(Map.of("k", List.of(1L)));
    assertThatThrownBy(() -> map(value).put("z", 1L)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nonJsonValuesInUntypedContentAreReported() {
    CoercionResult result = Coercion.coerce(List.of(new Object() {}, Double.NaN), TypeRef.parse("list"), "l");

    assertThat(result.problems()).extracting(CoercionProblem::path).containsExactly("l[0]", "l[1]");
    assertThat(result.problems().get(1).message())
        .isEqualTo("not a JSON value: float NaN (only finite numbers are accepted; JSON cannot carry NaN or Infinity)");
  }

  // ---- coerceState -------------------------------------------------------------------------

  @Test
  void stateHoldsEveryFieldInDeclarationOrderWithDefaultsAndNulls() {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("topic", "AI");
    inputs.put("unrelated", "ignored as in the reference");

    CoercionResult result = Coercion.coerceState(articleFields(), inputs);

    assertThat(result.problems()).isEmpty();
    assertThat(map(result.value())).containsExactly(
        entry("topic", "AI"), entry("count", 3L), entry("tags", List.of("x")), entry("notes", null));
  }

  @Test
  void everyStateProblemIsReportedAtOnce() {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("count", "seven");
    inputs.put("tags", List.of("a", 2));

    CoercionResult result = Coercion.coerceState(articleFields(), inputs);

    assertThat(result.ok()).isFalse();
    assertThat(result.problems()).containsExactly(
        new CoercionProblem("topic", "required field is missing"),
        new CoercionProblem("count", "expected int, got \"seven\""),
        new CoercionProblem("tags[1]", "expected str, got int 2 (write it in quotes to pass it as text)"));
  }

  @Test
  void requiredFieldGivenAsNullIsAProblem() {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("topic", null);

    assertThat(Coercion.coerceState(articleFields(), inputs).problems())
        .containsExactly(new CoercionProblem("topic", "required field is null"));
  }

  @Test
  void explicitNullForAFieldWithADefaultTakesTheDefaultUnlikeTheReference() {
    // The reference (a Pydantic field typed T with a default) refuses null here; we use the default.
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("topic", "AI");
    inputs.put("count", null);

    assertThat(map(Coercion.coerceState(articleFields(), inputs).value())).containsEntry("count", 3L);
  }

  @Test
  void defaultsAreNotCheckedAgainstTheTypeAsInTheReference() {
    // defaults are not checked (docs/workflow-format.md, "State"): "type: bool, default: \"yes\"" is accepted and the state holds the string.
    Map<String, StateField> fields = Map.of("flag", field("flag", "bool", false, "yes"));

    assertThat(map(Coercion.coerceState(fields, Map.of()).value())).containsEntry("flag", "yes");
  }

  @Test
  void defaultsAreCopiedNeverShared() {
    Map<String, StateField> fields = articleFields();

    Map<String, Object> first = map(Coercion.coerceState(fields, Map.of("topic", "a")).value());
    Map<String, Object> second = map(Coercion.coerceState(fields, Map.of("topic", "b")).value());

    assertThat(first.get("tags")).isEqualTo(second.get("tags")).isNotSameAs(second.get("tags"));
    assertThat(first.get("tags")).isNotSameAs(fields.get("tags").defaultValue().get());
    @SuppressWarnings("unchecked")
    List<Object> tags = (List<Object>) first.get("tags");
    assertThatThrownBy(() -> tags.add("y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nestedObjectFieldInStateGetsDottedPaths() {
    Map<String, StateField> fields = new LinkedHashMap<>();
    fields.put("profile", new StateField("profile", profileType(), true, Optional.empty(), Optional.empty(), AT));

    CoercionResult result = Coercion.coerceState(fields, Map.of("profile", Map.of("name", "A", "age", "old")));

    assertThat(result.problems()).containsExactly(new CoercionProblem("profile.age", "expected int, got \"old\""));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private static Map<String, StateField> articleFields() {
    Map<String, StateField> fields = new LinkedHashMap<>();
    fields.put("topic", field("topic", "str", true, null));
    fields.put("count", field("count", "int", false, 3L));
    fields.put("tags", field("tags", "list[str]", false, new ArrayList<>(List.of("x"))));
    fields.put("notes", field("notes", "str", false, null));
    return fields;
  }

  /** name: str (short form), age: {type: int, required: true}, city with a default, tags: list[str]. */
  private static TypeRef profileType() {
    Map<String, StateField> schema = new LinkedHashMap<>();
    schema.put("name", field("name", "str", false, null));
    schema.put("age", field("age", "int", true, null));
    schema.put("city", field("city", "str", false, "London"));
    schema.put("tags", field("tags", "list[str]", false, null));
    return TypeRef.ObjectType.untyped().withFields(schema);
  }

  private static StateField field(String name, String type, boolean required, Object defaultValue) {
    return new StateField(name, TypeRef.parse(type), required, Optional.ofNullable(defaultValue), Optional.empty(), AT);
  }
}
