package io.configurableagents.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonAnswersTest {

  @Test
  void anObjectBecomesTheCoercionDataModel() {
    Verdict<Map<String, Object>> verdict =
        JsonAnswers.parseObject("{\"n\": 3, \"big\": 123456789012345678901234, \"x\": 1.5, \"ok\": true,"
            + " \"none\": null, \"list\": [1, \"a\"], \"nested\": {\"b\": 2, \"a\": 1}}");

    Map<String, Object> value = ((Verdict.Valid<Map<String, Object>>) verdict).value();
    assertThat(value)
        .containsEntry("n", 3L)
        .containsEntry("big", new BigInteger("123456789012345678901234"))
        .containsEntry("x", 1.5)
        .containsEntry("ok", true)
        .containsEntry("none", null)
        .containsEntry("list", List.of(1L, "a"));
    @SuppressWarnings("unchecked")
    Map<String, Object> nested = (Map<String, Object>) value.get("nested");
    assertThat(nested).containsExactly(Map.entry("b", 2L), Map.entry("a", 1L));
  }

  @Test
  void aMarkdownFenceAroundTheJsonIsTolerated() {
    assertThat(JsonAnswers.parseObject("```json\n{\"a\": 1}\n```")).isEqualTo(Verdict.valid(Map.of("a", 1L)));
  }

  @Test
  void badAnswersSayWhatIsWrong() {
    assertThat(problem("")).isEqualTo("the answer was empty; expected a JSON object");
    assertThat(problem("{\"a\": ")).startsWith("the answer is not valid JSON (").endsWith("): {\"a\":");
    assertThat(problem("[1, 2]")).isEqualTo("the answer is JSON but not an object: [1, 2]");
    assertThat(problem("{\"a\": 1} trailing")).startsWith("the answer is not valid JSON");
    assertThat(problem("x".repeat(100))).endsWith("x".repeat(60) + "...");
  }

  static String problem(String raw) {
    return ((Verdict.Invalid<Map<String, Object>>) JsonAnswers.parseObject(raw)).problem();
  }
}
