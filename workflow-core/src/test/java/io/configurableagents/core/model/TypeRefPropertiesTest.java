package io.configurableagents.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Randomised checks (fixed seeds, so failures reproduce) over the whole type-string grammar. */
class TypeRefPropertiesTest {
  private static final List<String> TOKENS = List.of(
      "str", "int", "float", "bool", "object", "list", "dict", "[", "[", "]", "]", ",", " ", "List", "Dict",
      "Optional", "string", "x", "|", "None", "\t");
  private static final Pattern SUGGESTION = Pattern.compile("did you mean \"(.*)\"\\?");

  @Test
  void randomTokenSoupEitherParsesAndRoundTripsOrFailsWithAnOffsetInsideTheString() {
    Random random = new Random(20240601);
    int parsed = 0;
    int suggested = 0;
    for (int i = 0; i < 20_000; i++) {
      String text = soup(random);
      try {
        TypeRef type = TypeRef.parse(text);
        assertThat(TypeRef.parse(type.typeString())).as(text).isEqualTo(type);
        parsed++;
      } catch (TypeSyntaxException e) {
        assertThat(e.offset()).as(text).isBetween(0, text.length());
        assertThat(e.getMessage()).as(text).startsWith("invalid type \"");
        Optional<String> fix = suggestionOf(e);
        if (fix.isPresent()) {
          assertThat(TypeRef.parse(fix.get())).as("fix for %s", text).isNotNull();
          suggested++;
        }
      }
    }
    assertThat(parsed).as("some random strings are valid types").isGreaterThan(100);
    assertThat(suggested).as("some failures come with a whole corrected type").isGreaterThan(100);
  }

  @Test
  void everyGeneratedTypeParsesBackFromItsSpellingWithOrWithoutExtraSpace() {
    Random random = new Random(7);
    for (int i = 0; i < 5_000; i++) {
      TypeRef type = randomType(random, 0);
      String spaced = " " + type.typeString().replace("[", "[ ").replace("]", " ]").replace(", ", " ,  ") + "  ";

      assertThat(TypeRef.parse(type.typeString())).isEqualTo(type);
      assertThat(TypeRef.parse(spaced)).as(spaced).isEqualTo(type);
    }
  }

  private static String soup(Random random) {
    StringBuilder out = new StringBuilder();
    int tokens = 1 + random.nextInt(8);
    for (int t = 0; t < tokens; t++) {
      out.append(TOKENS.get(random.nextInt(TOKENS.size())));
    }
    return out.toString();
  }

  private static TypeRef randomType(Random random, int depth) {
    int pick = random.nextInt(depth > 4 ? 5 : 9);
    switch (pick) {
      case 0: return new TypeRef.Str();
      case 1: return new TypeRef.Int();
      case 2: return new TypeRef.Float();
      case 3: return new TypeRef.Bool();
      case 4: return TypeRef.ObjectType.untyped();
      case 5: return new TypeRef.ListOf(Optional.empty());
      case 6: return new TypeRef.DictOf(Optional.empty(), Optional.empty());
      case 7: return new TypeRef.ListOf(Optional.of(randomType(random, depth + 1)));
      default:
        return new TypeRef.DictOf(Optional.of(randomType(random, depth + 1)), Optional.of(randomType(random, depth + 1)));
    }
  }

  private static Optional<String> suggestionOf(TypeSyntaxException e) {
    Matcher m = SUGGESTION.matcher(e.hint().orElse(""));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
