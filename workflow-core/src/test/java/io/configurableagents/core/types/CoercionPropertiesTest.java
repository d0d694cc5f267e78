package io.configurableagents.core.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.configurableagents.core.model.TypeRef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Randomised checks (fixed seed) that coercion is total, JSON-shaped and idempotent. */
class CoercionPropertiesTest {
  private static final List<String> TYPES = List.of(
      "str", "int", "float", "bool", "object", "list", "dict", "list[int]", "list[str]", "list[bool]",
      "dict[str, int]", "dict[int, float]", "dict[str, dict[str, int]]", "list[list[float]]", "list[object]");
  private static final List<Object> SCALARS = java.util.Arrays.asList(
      null, "5", " 7 ", "5.0", "x", "yes", "off", "", "1e3", "nan", 0L, 1L, 2L, -3, 5.0, 2.5, Double.NaN, true, false,
      new BigInteger("99999999999999999999"), new BigDecimal("1.50"), 0.1f);

  @Test
  void coercionNeverThrowsAndAnAcceptedValueIsStableUnderASecondPass() {
    Random random = new Random(1234);
    int accepted = 0;
    for (int i = 0; i < 20_000; i++) {
      TypeRef type = TypeRef.parse(TYPES.get(random.nextInt(TYPES.size())));
      Object input = randomValue(random, 0);

      CoercionResult[] first = new CoercionResult[1];
      assertThatCode(() -> first[0] = Coercion.coerce(input, type, "v")).doesNotThrowAnyException();

      assertThat(first[0].problems()).allSatisfy(p -> assertThat(p.path()).startsWith("v"));
      if (first[0].ok()) {
        assertJsonShaped(first[0].value());
        CoercionResult second = Coercion.coerce(first[0].value(), type, "v");
        assertThat(second.problems()).isEmpty();
        assertThat(second.value()).isEqualTo(first[0].value());
        accepted++;
      }
    }
    assertThat(accepted).as("accepted values").isGreaterThan(2_000).isLessThan(18_000);
  }

  private static void assertJsonShaped(Object value) {
    if (value instanceof List<?> list) {
      list.forEach(CoercionPropertiesTest::assertJsonShaped);
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        assertThat(k).isInstanceOf(String.class);
        assertJsonShaped(v);
      });
    } else if (value != null) {
      assertThat(value).isInstanceOfAny(String.class, Long.class, Double.class, Boolean.class);
    }
  }

  private static Object randomValue(Random random, int depth) {
    int pick = random.nextInt(depth > 3 ? 1 : 4);
    if (pick == 0 || pick == 1) {
      return SCALARS.get(random.nextInt(SCALARS.size()));
    }
    if (pick == 2) {
      List<Object> list = new ArrayList<>();
      for (int i = random.nextInt(4); i > 0; i--) {
        list.add(randomValue(random, depth + 1));
      }
      return list;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      map.put(random.nextBoolean() ? "k" + i : " " + i, randomValue(random, depth + 1));
    }
    return map;
  }
}
