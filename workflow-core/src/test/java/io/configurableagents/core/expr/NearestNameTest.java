package io.configurableagents.core.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNameTest {

  @Test
  void closestNameWithinTwoEditsIsSuggestedCaseInsensitively() {
    assertThat(NearestName.closest("wirte", List.of("research", "write"))).contains("write");
    assertThat(NearestName.closest("TOPIC", List.of("topic"))).contains("topic");
  }

  @Test
  void nothingFartherThanTwoEditsIsSuggested() {
    assertThat(NearestName.closest("summary", List.of("topic", "score"))).isEmpty();
    assertThat(NearestName.closest("x", List.of())).isEmpty();
  }

  @Test
  void firstCandidateWinsATie() {
    assertThat(NearestName.closest("ab", List.of("ax", "ay"))).contains("ax");
  }

  @Test
  void distanceIsLevenshtein() {
    assertThat(NearestName.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(NearestName.distance("", "abc")).isEqualTo(3);
    assertThat(NearestName.distance("same", "same")).isZero();
  }
}
