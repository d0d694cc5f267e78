package io.configurableagents.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.runtime.llm.fake.FakeReply;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The attempt loop over the real OpenAI client: malformed and mistyped answers retried with the
 * clarification note, provider errors retried or not, and what the failures say.
 */
class ProviderRetriesEndToEndTest extends RealClientFixture {
  private static final String BASE = "Rate tea on a scale of 1 to 10.";

  @Test
  void aMistypedAnswerIsRetriedWithTheClarificationNoteAndTokensAreSummed() {
    fake.enqueue(FakeReply.answer("{\"score\": \"seven\", \"why\": \"x\"}")).usage(20, 6);

    Harness.Outcome run = rate(engine(openAiScorer("")));

    assertThat(run.outputs()).containsEntry("score", 1L);
    assertThat(fake.requests()).extracting(r -> r.prompt()).hasSize(2).first().isEqualTo(BASE);
    assertThat(fake.requests().get(1).prompt())
        .startsWith(BASE + "\n\nYour previous answer failed validation: score: ")
        .contains("seven")
        .endsWith("matches the required schema exactly: every required field, each with its declared type, and nothing else.");
    List<RunEvent.LlmAttemptFinished> attempts = run.of(RunEvent.LlmAttemptFinished.class);
    assertThat(attempts.get(0).outcome()).isInstanceOf(AttemptOutcome.Rejected.class);
    assertThat(attempts.get(0).retryIn()).contains(Duration.ZERO);
    assertThat(run.of(RunEvent.LlmAttemptStarted.class).get(1).prompt()).isEqualTo(fake.requests().get(1).prompt());
    assertThat(run.result().metadata().llmAttempts()).isEqualTo(2);
    assertThat(run.result().metadata().inputTokens()).isEqualTo(40);
    assertThat(run.result().metadata().outputTokens()).isEqualTo(12);
  }

  @Test
  void malformedJsonIsRetriedAndTheNoteIsNeverStacked() {
    fake.enqueue(FakeReply.text("{\"score\": 7, \"why\": \"unfinished"), FakeReply.text("Sure! Here it is"));

    Harness.Outcome run = rate(engine(openAiScorer("")));

    assertThat(run.outputs()).containsEntry("score", 1L);
    assertThat(fake.requestCount()).isEqualTo(3);
    assertThat(fake.requests().get(1).prompt()).contains("not valid JSON");
    assertThat(fake.requests().get(2).prompt()).contains("Sure! Here it is").doesNotContain("unfinished");
    assertThat(fake.requests().get(2).prompt().split("Your previous answer", -1)).hasSize(2);
  }

  @Test
  void anAnswerInvalidOnEveryAttemptFailsAfterMaxRetriesAttempts() {
    fake.replyByDefault(FakeReply.answer("{\"score\": \"high\", \"why\": \"x\"}"));

    Harness.Outcome run = rate(engine(openAiScorer("execution: {max_retries: 2}")));

    assertThat(fake.requestCount()).isEqualTo(2);
    assertThat(run.error().type()).isEqualTo(EngineError.INVALID_OUTPUT);
    assertThat(run.error().node()).contains("rate");
    assertThat(run.error().message())
        .startsWith("node \"rate\": the model's answer did not match the output schema after 2 attempt(s): score: ")
        .contains("max_retries");
  }

  @Test
  void aRateLimitIsRetriedAfterTheSecondsOfRetryAfter() {
    fake.enqueue(FakeReply.rateLimited("1"));

    Harness.Outcome run = rate(engine(openAiScorer("")));

    assertThat(run.outputs()).containsEntry("score", 1L);
    assertThat(fake.requestCount()).isEqualTo(2);
    assertThat(gapBetweenRequests(0, 1)).isGreaterThanOrEqualTo(Duration.ofMillis(990));
    RunEvent.LlmAttemptFinished first = run.of(RunEvent.LlmAttemptFinished.class).get(0);
    assertThat(first.retryIn()).contains(Duration.ofSeconds(1));
    assertThat(first.outcome()).isInstanceOfSatisfying(AttemptOutcome.ProviderFailed.class, failed -> {
      assertThat(failed.httpStatus()).isEqualTo(OptionalInt.of(429));
      assertThat(failed.retriable()).isTrue();
      assertThat(failed.message()).contains("openai/gpt-4o-mini", "HTTP 429", "Rate limit reached");
    });
  }

  @Test
  void aRateLimitIsRetriedAfterTheHttpDateOfRetryAfter() {
    String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
    fake.enqueue(FakeReply.rateLimited(inTwoSeconds));

    Harness.Outcome run = rate(engine(openAiScorer("")));

    assertThat(run.outputs()).containsEntry("score", 1L);
    assertThat(gapBetweenRequests(0, 1)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
  }

  @Test
  void serverErrorsAreRetriedWithBackOffUntilAttemptsRunOut() {
    fake.replyByDefault(FakeReply.serverError());

    Harness.Outcome run = rate(engine(openAiScorer("")));

    assertThat(fake.requestCount()).isEqualTo(3);
    assertThat(run.error().type()).isEqualTo(EngineError.PROVIDER_ERROR);
    assertThat(run.error().message())
        .isEqualTo("node \"rate\": openai/gpt-4o-mini answered HTTP 500 (provider error):"
            + " The server had an error while processing your request. (attempt 3 of 3)");
    assertThat(run.of(RunEvent.LlmAttemptFinished.class))
        .extracting(e -> e.retryIn().isPresent())
        .containsExactly(true, true, false);
    assertThat(run.of(RunEvent.LlmAttemptFinished.class).get(1).retryIn().orElseThrow())
        .isBetween(Duration.ofMillis(8), Duration.ofMillis(12));
  }

  @Test
  void clientErrorsFailAtOnceNamingNodeProviderModelStatusAndProviderMessage() {
    for (int status : new int[] {400, 401, 403, 404}) {
      fake.reset();
      fake.enqueue(FakeReply.error(status, "Problem number " + status));

      Harness.Outcome run = rate(engine(openAiScorer("")));

      assertThat(fake.requestCount()).as("requests after %d", status).isEqualTo(1);
      assertThat(run.error().type()).isEqualTo(EngineError.PROVIDER_ERROR);
      assertThat(run.error().providerFailure()).isTrue();
      assertThat(run.error().message())
          .startsWith("node \"rate\": openai/gpt-4o-mini answered HTTP " + status + " (rejected): Problem number " + status)
          .doesNotContain("attempt");
    }
  }

  @Test
  void anUnauthorizedAnswerNamesTheVariableToCheckAndNeverTheKey() {
    String key = KEYS.get("OPENAI_API_KEY");
    fake.enqueue(FakeReply.unauthorized("Incorrect API key provided: " + key + ". You can find your API key at the console."));

    Harness.Outcome run = rate(engine(openAiScorer("")));

    assertThat(fake.requestCount()).isEqualTo(1);
    assertThat(run.error().message())
        .isEqualTo("node \"rate\": openai/gpt-4o-mini answered HTTP 401 (rejected): Incorrect API key provided: ***."
            + " You can find your API key at the console.. Check that OPENAI_API_KEY holds a valid key with access to"
            + " model 'gpt-4o-mini'")
        .doesNotContain(key);
  }

  @Test
  void aStallPastTheRequestTimeoutIsRetried() {
    fake.enqueue(FakeReply.stall(Duration.ofSeconds(8)));

    Harness.Outcome run = rate(engine(openAiScorer("")));

    assertThat(run.outputs()).containsEntry("score", 1L);
    assertThat(fake.requestCount()).isEqualTo(2);
    RunEvent.LlmAttemptFinished first = run.of(RunEvent.LlmAttemptFinished.class).get(0);
    assertThat(first.latency()).isBetween(REQUEST_TIMEOUT.minusMillis(50), REQUEST_TIMEOUT.plusSeconds(3));
    assertThat(first.outcome()).isInstanceOfSatisfying(AttemptOutcome.ProviderFailed.class, failed -> {
      assertThat(failed.retriable()).isTrue();
      assertThat(failed.message()).contains("timed out");
    });
  }

  @Test
  void aRefusedConnectionIsRetriedThenReported() throws Exception {
    int closedPort;
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String yaml = scorer("provider: openai, api_base: \"http://127.0.0.1:" + closedPort + "/v1\"", "execution: {max_retries: 2}");

    Harness.Outcome run = rate(engine(yaml));

    assertThat(run.of(RunEvent.LlmAttemptFinished.class)).hasSize(2);
    assertThat(run.error().type()).isEqualTo(EngineError.PROVIDER_ERROR);
    assertThat(run.error().message()).startsWith("node \"rate\": openai/gpt-4o-mini call failed (connection failed): cannot reach openai");
  }

  @Test
  void aConnectionTheProviderClosesIsRetriedThenReportedAsClosed() {
    fake.replyByDefault(FakeReply.hangUp());

    Harness.Outcome run = rate(engine(openAiScorer("execution: {max_retries: 2}")));

    assertThat(fake.requestCount()).isEqualTo(2);
    assertThat(run.error().type()).isEqualTo(EngineError.PROVIDER_ERROR);
    assertThat(run.error().message())
        .startsWith("node \"rate\": openai/gpt-4o-mini call failed (connection failed): openai closed the connection before its answer was complete");
  }

  @Test
  void anAnswerOverTheCapFailsAtOnceNamingTheLimitAndItsVariable() {
    fake.replyByDefault(FakeReply.oversized(6L << 20, false));

    Harness.Outcome run = rate(engine(openAiScorer("execution: {max_retries: 3}")));

    assertThat(fake.requestCount()).as("not retried").isEqualTo(1);
    assertThat(run.error().message())
        .startsWith("node \"rate\": openai/gpt-4o-mini call failed (unreadable answer): the answer is larger than 4194304 bytes")
        .contains("MAX_PROVIDER_ANSWER_BYTES");
  }

  private static Duration gapBetweenRequests(int first, int second) {
    return Duration.ofNanos(fake.requests().get(second).receivedAtNanos() - fake.requests().get(first).receivedAtNanos());
  }
}
