package io.configurableagents.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DidYouMean now delegates to expr.NearestName; its behaviour must not change. */
class DidYouMeanTest {

  @Test
  void hintSuggestsTheClosestNameOrListsTheValidOnes() {
    assertThat(DidYouMean.hint("wirte", List.of("research", "write"))).isEqualTo("did you mean \"write\"?");
    assertThat(DidYouMean.hint("zzz", List.of("a", "b"))).isEqualTo("valid names: a, b");
    assertThat(DidYouMean.hint("zzz", List.of())).isEqualTo("there are none");
  }

  @Test
  void distanceIsTheSharedLevenshtein() {
    assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
  }
}
