package io.configurableagents.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WireSchemasTest {
  final WireSchemas schemas = new WireSchemas();

  @Test
  void aSchemaObjectIsPreparedOnceForEveryRequestThatCarriesIt() {
    LlmRequest first = TestSchemas.reviewRequest("one");
    LlmRequest retry = first.withPrompt("one, with the clarification note");

    assertThat(schemas.of(retry)).isSameAs(schemas.of(first));
    assertThat(schemas.of(first).strict()).isTrue();
    assertThat(schemas.of(first).answerTool().name()).isEqualTo("Output_review");
  }

  @Test
  void anotherSchemaObjectOrNameIsPreparedOnItsOwn() {
    LlmRequest review = TestSchemas.reviewRequest("x");
    LlmRequest counts = new LlmRequest("x", "Output_count", TestSchemas.schema(TestSchemas.COUNTS));

    assertThat(schemas.of(counts).strict()).isFalse();
    assertThat(schemas.of(new LlmRequest("x", "Output_other", review.outputSchema())).answerTool().name())
        .isEqualTo("Output_other");
    assertThat(schemas.of(TestSchemas.reviewRequest("x"))).isNotSameAs(schemas.of(review));
  }
}
