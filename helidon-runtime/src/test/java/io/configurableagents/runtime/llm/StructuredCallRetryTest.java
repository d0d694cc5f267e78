package io.configurableagents.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.core.model.Provider;
import io.configurableagents.runtime.llm.LlmCallException.Reason;
import io.configurableagents.runtime.llm.fake.FakeReply;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Provider errors: which are retried, after how long, and what the failure says. */
class StructuredCallRetryTest extends FakeOpenAiCallFixture {

  @Test
  void aRateLimitIsRetriedAfterTheSecondsOfRetryAfter() {
    fake.enqueue(FakeReply.rateLimited("1"));

    StructuredAnswer<Map<String, Object>> answer = execute(call(3, Duration.ofSeconds(30)));

    assertThat(answer.attempts()).isEqualTo(2);
    long gapNanos = fake.requests().get(1).receivedAtNanos() - fake.requests().get(0).receivedAtNanos();
    assertThat(Duration.ofNanos(gapNanos)).isGreaterThanOrEqualTo(Duration.ofMillis(990));
    assertThat(listener.finished.get(0).retry())
        .contains(new AttemptFinished.Retry(RetryReason.RATE_LIMITED, Duration.ofSeconds(1)));
    assertThat(listener.finished.get(0).error().orElseThrow()).contains("HTTP 429", "Rate limit reached");
  }

  @Test
  void aRateLimitIsRetriedAfterTheHttpDateOfRetryAfter() {
    String inTwoSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
        java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(2));
    fake.enqueue(FakeReply.rateLimited(inTwoSeconds));

    execute(call(3, Duration.ofSeconds(30)));

    long gapNanos = fake.requests().get(1).receivedAtNanos() - fake.requests().get(0).receivedAtNanos();
    assertThat(Duration.ofNanos(gapNanos)).isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
  }

  @Test
  void serverErrorsAreRetriedWithBoundedBackOffUntilAttemptsRunOut() {
    fake.replyByDefault(FakeReply.serverError());

    LlmCallException e = failure(call(3, Duration.ofSeconds(30)));

    assertThat(e.reason()).isEqualTo(Reason.PROVIDER_ERROR);
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.httpStatus()).contains(500);
    assertThat(fake.requestCount()).isEqualTo(3);
    assertThat(e.getMessage()).contains("Node 'review'", "gave up after 3 attempts", "openai/gpt-4o-mini", "HTTP 500",
        "The server had an error while processing your request");
    assertThat(listener.finished).extracting(f -> f.retry().map(AttemptFinished.Retry::reason))
        .containsExactly(Optional.of(RetryReason.SERVER_ERROR), Optional.of(RetryReason.SERVER_ERROR), Optional.empty());
    assertThat(listener.finished.get(1).retry().orElseThrow().delay()).isLessThanOrEqualTo(Duration.ofMillis(40));
  }

  @Test
  void clientErrorsFailAtOnceWithTheProviderMessage() {
    for (int status : new int[] {400, 401, 403, 404}) {
      fake.reset();
      fake.enqueue(FakeReply.error(status, "Problem number " + status));

      LlmCallException e = failure(call(3, Duration.ofSeconds(30)));

      assertThat(fake.requestCount()).as("requests after %d", status).isEqualTo(1);
      assertThat(e.reason()).isEqualTo(Reason.PROVIDER_ERROR);
      assertThat(e.httpStatus()).contains(status);
      assertThat(e.getMessage()).contains("Node 'review'", "openai/gpt-4o-mini", "HTTP " + status, "Problem number " + status)
          .doesNotContain("gave up");
    }
  }

  @Test
  void anUnauthorizedAnswerSaysWhichVariableToCheck() {
    fake.enqueue(FakeReply.unauthorized("Incorrect API key provided."));

    LlmCallException e = failure(call(3, Duration.ofSeconds(30)));

    assertThat(e.getMessage()).contains("HTTP 401", "Incorrect API key provided.", "Check that OPENAI_API_KEY holds a valid key");
  }

  @Test
  void aStallPastTheRequestTimeoutIsRetried() {
    fake.enqueue(FakeReply.stall(Duration.ofSeconds(5)));

    StructuredAnswer<Map<String, Object>> answer = execute(call(3, Duration.ofSeconds(30)));

    assertThat(answer.attempts()).isEqualTo(2);
    assertThat(listener.finished.get(0).retry().orElseThrow().reason()).isEqualTo(RetryReason.TIMEOUT);
    assertThat(listener.finished.get(0).latency()).isBetween(REQUEST_TIMEOUT.minusMillis(50), Duration.ofSeconds(3));
  }

  @Test
  void aRefusedConnectionIsRetriedThenReported() throws Exception {
    int closedPort;
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    LlmSpec spec = new LlmSpec(Optional.of(Provider.OPENAI), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of("http://127.0.0.1:" + closedPort + "/v1"));
    LlmCall call = new LlmCall("review", clients.clientFor(spec), TestSchemas.reviewRequest("x"), 2,
        Instant.now().plusSeconds(30));

    LlmCallException e = failure(call);

    assertThat(e.reason()).isEqualTo(Reason.PROVIDER_ERROR);
    assertThat(e.attempts()).isEqualTo(2);
    assertThat(e.providerFailure().orElseThrow().kind()).isEqualTo(LlmException.Kind.CONNECTION_FAILED);
    assertThat(listener.finished.get(0).retry().orElseThrow().reason()).isEqualTo(RetryReason.CONNECTION_FAILED);
    assertThat(e.getMessage()).contains("cannot reach openai", "openai/gpt-4o-mini");
  }
}
