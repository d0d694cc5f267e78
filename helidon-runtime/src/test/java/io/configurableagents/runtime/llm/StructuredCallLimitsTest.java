package io.configurableagents.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configurableagents.runtime.llm.LlmCallException.Reason;
import io.configurableagents.runtime.llm.fake.FakeReply;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The deadline and cancellation: waits end at once, nothing sleeps past the deadline. */
class StructuredCallLimitsTest extends FakeOpenAiCallFixture {

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
}
