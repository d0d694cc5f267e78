package io.configurableagents.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.model.Provider;
import io.configurableagents.runtime.llm.fake.FakeReply;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same answers and failures through each provider's real client and wire format: retried or
 * not alike, and reported alike (node, provider, model, HTTP status, the provider's own words).
 */
class EveryProviderEndToEndTest extends RealClientFixture {

  private static String workflow(Provider provider) {
    return scorer(llm(provider, "model-x"), "");
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void aMistypedThenAMalformedAnswerAreRetriedWithTheClarificationNote(Provider provider) {
    fake.enqueue(FakeReply.answer("{\"score\": \"seven\", \"why\": \"x\"}"), FakeReply.text("{\"score\": 7,"));

    Harness.Outcome run = rate(engine(workflow(provider)));

    assertThat(run.outputs()).containsEntry("score", 1L).containsEntry("why", "example");
    assertThat(fake.requests()).hasSize(3).allSatisfy(r -> assertThat(r.model()).isEqualTo("model-x"));
    assertThat(fake.requests().get(1).prompt()).contains("Your previous answer failed validation: score: ");
    assertThat(fake.requests().get(2).prompt()).contains("Your previous answer failed validation: the answer is not valid JSON");
    assertThat(run.of(RunEvent.LlmAttemptFinished.class))
        .extracting(e -> e.outcome().getClass().getSimpleName())
        .containsExactly("Rejected", "Rejected", "Accepted");
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void rateLimitsAndServerErrorsAreRetried(Provider provider) {
    fake.enqueue(FakeReply.rateLimited("0"), FakeReply.serverError());

    Harness.Outcome run = rate(engine(workflow(provider)));

    assertThat(run.outputs()).containsEntry("score", 1L);
    assertThat(fake.requestCount()).isEqualTo(3);
    List<RunEvent.LlmAttemptFinished> attempts = run.of(RunEvent.LlmAttemptFinished.class);
    assertThat(attempts.get(0).retryIn()).contains(Duration.ZERO);
    assertThat(attempts.get(0).outcome().toString()).contains("HTTP 429", "Rate limit reached");
    assertThat(attempts.get(1).outcome().toString()).contains("HTTP 500", "The server had an error");
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void aRejectedRequestFailsAtOnceNamingNodeProviderModelStatusAndMessage(Provider provider) {
    fake.enqueue(FakeReply.error(403, "You may not use model-x"));

    Harness.Outcome run = rate(engine(workflow(provider)));

    assertThat(fake.requestCount()).isEqualTo(1);
    assertThat(run.error().type()).isEqualTo(EngineError.PROVIDER_ERROR);
    assertThat(run.error().message())
        .startsWith("node \"rate\": " + provider.id() + "/model-x answered HTTP 403 (rejected): You may not use model-x");
  }
}
