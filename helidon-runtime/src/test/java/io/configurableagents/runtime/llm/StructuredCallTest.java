package io.configurableagents.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.core.model.Provider;
import io.configurableagents.runtime.llm.LlmCallException.Reason;
import io.configurableagents.runtime.llm.fake.FakeProviderServer;
import io.configurableagents.runtime.llm.fake.FakeReply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The attempt loop against a fake OpenAI server, through the real LangChain4j client. */
class StructuredCallTest {
  static final Duration REQUEST_TIMEOUT = Duration.ofMillis(700);
  static FakeProviderServer fake;
  static LlmClients clients;
  final RecordingListener listener = new RecordingListener();
  final StructuredCall structuredCall =
      new StructuredCall(new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(100)), Clock.systemUTC(), () -> -1L);

  @BeforeAll
  static void startFake() {
    fake = FakeProviderServer.start();
    clients =
        LlmClients.create(
            Environment.of(Map.of("OPENAI_API_KEY", "sk-test")), new LlmClientOptions(Duration.ofSeconds(2), REQUEST_TIMEOUT));
  }

  @AfterAll
  static void stopFake() {
    clients.close();
    fake.close();
  }

  @BeforeEach
  void resetFake() {
    fake.reset();
  }

  LlmCall call(int maxAttempts, Duration deadlineIn) {
    LlmSpec spec = new LlmSpec(Optional.of(Provider.OPENAI), Optional.of("gpt-4o-mini"), Optional.empty(), Optional.empty(),
        Optional.of(fake.openAiBaseUrl()));
    return new LlmCall("review", clients.clientFor(spec), TestSchemas.reviewRequest("Rate the food"), maxAttempts,
        Instant.now().plus(deadlineIn));
  }

  StructuredAnswer<Map<String, Object>> execute(LlmCall call) {
    return structuredCall.execute(call, TestSchemas::reviewParser, listener, CancelToken.create());
  }

  LlmCallException failure(LlmCall call) {
    return catchThrowableOfType(LlmCallException.class, () -> execute(call));
  }

  @Test
  void aGoodFirstAnswerTakesOneAttempt() {
    fake.usage(20, 6);

    StructuredAnswer<Map<String, Object>> answer = execute(call(3, Duration.ofSeconds(30)));

    assertThat(answer.value()).containsEntry("score", 1L).containsEntry("summary", "example");
    assertThat(answer.attempts()).isEqualTo(1);
    assertThat(answer.inputTokens()).isEqualTo(20);
    assertThat(answer.outputTokens()).isEqualTo(6);
    assertThat(fake.requestCount()).isEqualTo(1);
    assertThat(listener.started).singleElement().satisfies(s -> {
      assertThat(s.attempt()).isEqualTo(1);
      assertThat(s.maxAttempts()).isEqualTo(3);
      assertThat(s.target()).isEqualTo(new LlmTarget(Provider.OPENAI, "gpt-4o-mini"));
    });
    assertThat(listener.finished).singleElement().satisfies(f -> {
      assertThat(f.succeeded()).isTrue();
      assertThat(f.inputTokens()).isEqualTo(20);
      assertThat(f.retry()).isEmpty();
      assertThat(f.response().orElseThrow().text()).contains("\"score\":1");
    });
  }

  @Test
  void aMistypedAnswerIsRetriedWithTheClarificationNoteAndTokensAreSummed() {
    fake.enqueue(FakeReply.answer("{\"summary\":\"ok\",\"score\":\"seven\",\"tags\":[],\"mood\":null}"));

    StructuredAnswer<Map<String, Object>> answer = execute(call(3, Duration.ofSeconds(30)));

    assertThat(answer.attempts()).isEqualTo(2);
    assertThat(answer.inputTokens()).isEqualTo(24);
    assertThat(fake.requests()).hasSize(2);
    assertThat(fake.requests().get(0).prompt()).isEqualTo("Rate the food");
    assertThat(fake.requests().get(1).prompt())
        .startsWith("Rate the food\n\nYour previous answer failed validation: score: expected int, got \"seven\".")
        .contains("matches the required schema exactly");
    assertThat(listener.finished.get(0).retry()).contains(new AttemptFinished.Retry(RetryReason.INVALID_ANSWER, Duration.ZERO));
    assertThat(listener.finished.get(0).error()).contains("score: expected int, got \"seven\"");
    assertThat(listener.started.get(1).prompt()).isEqualTo(fake.requests().get(1).prompt());
  }

  @Test
  void malformedJsonIsRetriedAndTheNoteIsNeverStacked() {
    fake.enqueue(FakeReply.text("{\"summary\": \"unfinished"), FakeReply.text("Sure! Here it is"));

    StructuredAnswer<Map<String, Object>> answer = execute(call(3, Duration.ofSeconds(30)));

    assertThat(answer.attempts()).isEqualTo(3);
    assertThat(fake.requests().get(1).prompt()).contains("not valid JSON");
    assertThat(fake.requests().get(2).prompt()).contains("Sure! Here it is").doesNotContain("unfinished");
    assertThat(fake.requests().get(2).prompt().split("Your previous answer", -1)).hasSize(2);
  }

  @Test
  void anAnswerInvalidOnEveryAttemptFailsNamingNodeTargetAndProblem() {
    fake.replyByDefault(FakeReply.answer("{\"summary\":\"ok\",\"score\":\"high\",\"tags\":[],\"mood\":null}"));

    LlmCallException e = failure(call(3, Duration.ofSeconds(30)));

    assertThat(e.reason()).isEqualTo(Reason.INVALID_ANSWER);
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(fake.requestCount()).isEqualTo(3);
    assertThat(e.getMessage())
        .contains("Node 'review'", "openai/gpt-4o-mini", "Output_review", "after 3 attempts", "score: expected int");
  }

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

  @Test
  void aRetryAfterPastTheDeadlineFailsAtOnceInsteadOfSleeping() {
    fake.enqueue(FakeReply.rateLimited("30"));
    long start = System.nanoTime();

    LlmCallException e = failure(call(3, Duration.ofSeconds(5)));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(e.reason()).isEqualTo(Reason.DEADLINE_EXCEEDED);
    assertThat(fake.requestCount()).isEqualTo(1);
    assertThat(e.getMessage()).contains("Node 'review'", "Retry-After", "30.0 s", "HTTP 429", "config.execution.timeout");
  }

  @Test
  void backOffNeverSleepsPastTheDeadline() {
    StructuredCall slowBackOff =
        new StructuredCall(new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(10)), Clock.systemUTC(), () -> -1L);
    fake.enqueue(FakeReply.serverError());
    long start = System.nanoTime();

    LlmCallException e = catchThrowableOfType(LlmCallException.class,
        () -> slowBackOff.execute(call(3, Duration.ofSeconds(3)), TestSchemas::reviewParser, listener, CancelToken.create()));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(e.reason()).isEqualTo(Reason.DEADLINE_EXCEEDED);
    assertThat(e.getMessage()).contains("back off", "HTTP 500");
  }

  @Test
  void theDeadlineEndsTheWaitForAnAnswerInFlight() {
    LlmCall call = call(3, Duration.ofMillis(400));
    fake.enqueue(FakeReply.stall(Duration.ofSeconds(10)));
    long start = System.nanoTime();

    LlmCallException e = failure(call);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(300), Duration.ofMillis(1500));
    assertThat(e.reason()).isEqualTo(Reason.DEADLINE_EXCEEDED);
    assertThat(listener.finished).singleElement().satisfies(f -> assertThat(f.error().orElseThrow()).contains("deadline"));
  }

  @Test
  void cancellingStopsTheWaitAtOnceAndAbandonsTheExchange() throws Exception {
    fake.enqueue(FakeReply.stall(Duration.ofSeconds(10)));
    CancelToken cancel = CancelToken.create();
    Thread.ofVirtual().start(() -> {
      sleep(300);
      cancel.cancel();
    });
    long start = System.nanoTime();

    LlmCallException e = catchThrowableOfType(LlmCallException.class,
        () -> structuredCall.execute(call(3, Duration.ofSeconds(30)), TestSchemas::reviewParser, listener, cancel));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250), Duration.ofMillis(650));
    assertThat(e.reason()).isEqualTo(Reason.CANCELLED);
    assertThat(e.getMessage()).contains("Node 'review'", "cancelled", "openai/gpt-4o-mini");
    assertThat(fake.requestCount()).isEqualTo(1);
  }

  @Test
  void cancellingDuringBackOffEndsTheSleep() {
    fake.enqueue(FakeReply.rateLimited("10"));
    CancelToken cancel = CancelToken.create();
    Thread.ofVirtual().start(() -> {
      sleep(300);
      cancel.cancel();
    });
    long start = System.nanoTime();

    LlmCallException e = catchThrowableOfType(LlmCallException.class,
        () -> structuredCall.execute(call(3, Duration.ofSeconds(30)), TestSchemas::reviewParser, listener, cancel));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(e.reason()).isEqualTo(Reason.CANCELLED);
    assertThat(fake.requestCount()).isEqualTo(1);
  }

  @Test
  void interruptingTheCallingThreadCancelsTheCall() throws Exception {
    fake.enqueue(FakeReply.stall(Duration.ofSeconds(10)));
    var result = new java.util.concurrent.CompletableFuture<LlmCallException>();
    Thread caller = Thread.ofVirtual().start(() -> result.complete(failure(call(3, Duration.ofSeconds(30)))));
    sleep(300);

    caller.interrupt();

    LlmCallException e = result.get(2, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(e.reason()).isEqualTo(Reason.CANCELLED);
  }

  @Test
  void anAlreadyCancelledTokenSendsNothing() {
    CancelToken cancel = CancelToken.create();
    cancel.cancel();

    LlmCallException e = catchThrowableOfType(LlmCallException.class,
        () -> structuredCall.execute(call(3, Duration.ofSeconds(30)), TestSchemas::reviewParser, listener, cancel));

    assertThat(e.reason()).isEqualTo(Reason.CANCELLED);
    assertThat(e.attempts()).isZero();
    assertThat(fake.requestCount()).isZero();
  }

  @Test
  void aListenerThatThrowsNeverFailsTheCall() {
    AttemptListener throwing = new AttemptListener() {
      @Override
      public void attemptStarted(AttemptStarted started) {
        throw new IllegalStateException("listener bug");
      }

      @Override
      public void attemptFinished(AttemptFinished finished) {
        throw new IllegalStateException("listener bug");
      }
    };

    StructuredAnswer<Map<String, Object>> answer =
        structuredCall.execute(call(1, Duration.ofSeconds(30)), TestSchemas::reviewParser, throwing, CancelToken.create());

    assertThat(answer.attempts()).isEqualTo(1);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
