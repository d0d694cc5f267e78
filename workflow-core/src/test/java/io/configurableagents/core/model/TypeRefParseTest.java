package io.configurableagents.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TypeRefParseTest {

  /** Type string as written, and its canonical spelling. Includes the valid cases the reference accepts. */
  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(delimiter = '|', value = {
      "str | str",
      "int | int",
      "float | float",
      "bool | bool",
      "object | object",
      "list | list",
      "dict | dict",
      "'  str  ' | str",
      "list[str] | list[str]",
      "list[ int ] | list[int]",
      "list[list[str]] | list[list[str]]",
      "list[dict[str, int]] | list[dict[str, int]]",
      "list[object] | list[object]",
      "dict[str, list[int]] | dict[str, list[int]]",
      "dict[str,int] | dict[str, int]",
      "'dict[ str ,   int ]' | dict[str, int]",
      "dict[dict[str,int], str] | dict[dict[str, int], str]",
      "dict[object, str] | dict[object, str]",
      "dict[int, bool] | dict[int, bool]",
  })
  void validTypeStringsParseToTheirCanonicalSpelling(String written, String canonical) {
    assertThat(TypeRef.parse(written).typeString()).isEqualTo(canonical);
  }

  @Test
  void nestedDictSplitsAtTheTopLevelCommaUnlikeTheReference() {
    // docs/workflow-format.md, "State": the reference splits at the last comma and rejects this; we split at bracket depth 0.
    TypeRef type = TypeRef.parse("dict[str, dict[str, int]]");

    TypeRef inner = new TypeRef.DictOf(Optional.of(new TypeRef.Str()), Optional.of(new TypeRef.Int()));
    assertThat(type).isEqualTo(new TypeRef.DictOf(Optional.of(new TypeRef.Str()), Optional.of(inner)));
  }

  @Test
  void bareListAndDictHaveNoElementTypes() {
    assertThat(TypeRef.parse("list")).isEqualTo(new TypeRef.ListOf(Optional.empty()));
    assertThat(TypeRef.parse("dict")).isEqualTo(new TypeRef.DictOf(Optional.empty(), Optional.empty()));
    assertThat(TypeRef.parse("object")).isEqualTo(TypeRef.ObjectType.untyped());
  }

  @Test
  void listOfObjectsCarriesAnUntypedObject() {
    assertThat(TypeRef.parse("list[object]"))
        .isEqualTo(new TypeRef.ListOf(Optional.of(TypeRef.ObjectType.untyped())));
  }

  /** Rejected strings: the exact message and the offset into the string as written. */
  static Stream<Arguments> invalid() {
    String valid = "(valid types: str, int, float, bool, object, list, dict, list[T], dict[K, V])";
    return Stream.of(
        // verified as invalid in the reference
        Arguments.of("List[str]", 0, "invalid type \"List[str]\": unknown type name \"List\" (did you mean \"list[str]\"?)"),
        Arguments.of("string", 0, "invalid type \"string\": unknown type name \"string\" (did you mean \"str\"?)"),
        Arguments.of("integer", 0, "invalid type \"integer\": unknown type name \"integer\" (did you mean \"int\"?)"),
        Arguments.of("Optional[str]", 0, "invalid type \"Optional[str]\": \"Optional\" is not part of the type language"
            + " (perhaps you should write \"str\" and leave the field not required; such a field may be null)"),
        Arguments.of("list []", 4, "invalid type \"list []\": no space is allowed between \"list\" and \"[\" (remove the space)"),
        Arguments.of("list[]", 5, "invalid type \"list[]\": the element type of \"list[]\" is missing"
            + " (write \"list\" for a list of any values, or name the element type, e.g. \"list[str]\")"),
        Arguments.of("dict[str]", 8, "invalid type \"dict[str]\": a dict needs two types, key and value (e.g. \"dict[str, int]\")"),
        // our own
        Arguments.of("", 0, "invalid type \"\": the type is empty " + valid),
        Arguments.of("   ", 3, "invalid type \"   \": the type is empty " + valid),
        Arguments.of("Dict[String, Integer]", 0,
            "invalid type \"Dict[String, Integer]\": unknown type name \"Dict\" (did you mean \"dict[str, int]\"?)"),
        Arguments.of("list[str", 8, "invalid type \"list[str\": \"]\" is missing at the end (did you mean \"list[str]\"?)"),
        Arguments.of("list[str]]", 9, "invalid type \"list[str]]\": unexpected \"]\" after \"list[str]\" (did you mean \"list[str]\"?)"),
        Arguments.of("str | None", 4, "invalid type \"str | None\": unexpected \"|\" after \"str\""
            + " (a type string holds one type; to allow null, leave the field not required)"),
        Arguments.of("str[int]", 3, "invalid type \"str[int]\": \"str\" takes no type parameters (did you mean \"str\"?)"),
        Arguments.of("tuple[int]", 0, "invalid type \"tuple[int]\": unknown type name \"tuple\" (did you mean \"list[int]\"?)"),
        Arguments.of("lst[int]", 0, "invalid type \"lst[int]\": unknown type name \"lst\" (did you mean \"list[int]\"?)"),
        Arguments.of("Any", 0, "invalid type \"Any\": unknown type name \"Any\" " + valid),
        Arguments.of("list[str, int]", 8,
            "invalid type \"list[str, int]\": a list has one element type (for key-value pairs write \"dict[K, V]\")"),
        Arguments.of("dict[str, int, int]", 13,
            "invalid type \"dict[str, int, int]\": a dict has exactly two types, key and value (e.g. \"dict[str, int]\")"),
        Arguments.of("dict[str int]", 9,
            "invalid type \"dict[str int]\": expected \",\" after the key type, found \"i\" (did you mean \"dict[str, int]\"?)"),
        Arguments.of("list[Optional[str]]", 5,
            "invalid type \"list[Optional[str]]\": \"Optional\" is not part of the type language (did you mean \"list[str]\"?)"),
        Arguments.of("  List[ str ] ", 2,
            "invalid type \"  List[ str ] \": unknown type name \"List\" (did you mean \"list[ str ]\"?)"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("invalid")
  void invalidTypeStringsSayWhatIsWrongAndWhere(String written, int offset, String message) {
    assertThatThrownBy(() -> TypeRef.parse(written))
        .isInstanceOfSatisfying(TypeSyntaxException.class, e -> {
          assertThat(e.getMessage()).isEqualTo(message);
          assertThat(e.offset()).isEqualTo(offset);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"STR", "Str", "Int", "BOOL", "Float", "Object", "LIST", "list [str]", "dict [str, int]", "None",
      "list[[int]]", "dict[, int]", "dict[str, ]", "str int", "list<str>", "list(str)", "dict[str, int", "5"})
  void everythingOffTheGrammarIsRejected(String written) {
    assertThatThrownBy(() -> TypeRef.parse(written)).isInstanceOf(TypeSyntaxException.class);
  }

  @Test
  void hintIsAvailableSeparately() {
    TypeSyntaxException e = catchSyntax("List[str]");

    assertThat(e.problem()).isEqualTo("invalid type \"List[str]\": unknown type name \"List\"");
    assertThat(e.hint()).contains("did you mean \"list[str]\"?");
  }

  @Test
  void deepNestingIsRefusedInsteadOfOverflowingTheStack() {
    String deep = "list[".repeat(10_000) + "int" + "]".repeat(10_000);

    TypeSyntaxException e = catchSyntax(deep);

    assertThat(e.problem()).endsWith("it is nested more than 32 levels deep");
    assertThat(e.getMessage()).hasSizeLessThan(200);
  }

  @Test
  void nestingUpToTheLimitParses() {
    String deep = "list[".repeat(32) + "int" + "]".repeat(32);

    assertThat(TypeRef.parse(deep).typeString()).isEqualTo(deep);
  }

  private static TypeSyntaxException catchSyntax(String written) {
    try {
      TypeRef.parse(written);
    } catch (TypeSyntaxException e) {
      return e;
    }
    throw new AssertionError("expected a TypeSyntaxException for " + written);
  }
}
