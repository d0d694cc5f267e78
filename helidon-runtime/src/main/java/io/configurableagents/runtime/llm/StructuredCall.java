package io.configurableagents.runtime.llm;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The attempt loop of one node's LLM call: up to {@link LlmCall#maxAttempts} attempts, each
 * reported to an {@link AttemptListener}.
 *
 * <ul>
 *   <li>An answer the parser calls invalid is retried at once, with the {@link ClarificationNote}.
 *   <li>A retriable provider error (429, 5xx, timeout, connection) is retried after {@link
 *       RetryPolicy}'s back-off or the provider's {@code Retry-After}; when that wait would pass the
 *       deadline the call fails at once instead of sleeping.
 *   <li>Any other provider error (400, 401, 403, 404...) fails at once.
 *   <li>Cancellation ({@link CancelToken}, or interrupting the calling thread) and the deadline
 *       stop the wait at once; the exchange in flight is abandoned.
 * </ul>
 *
 * Thread-safe: one instance serves every run (the injected random generator must be thread-safe).
 */
public final class StructuredCall {
  private final RetryPolicy policy;
  private final Clock clock;
  private final RandomGenerator random;
  private final Exchanges exchanges;

  public StructuredCall(RetryPolicy policy) {
    this(policy, Clock.systemUTC(), () -> ThreadLocalRandom.current().nextLong());
  }

  StructuredCall(RetryPolicy policy, Clock clock, RandomGenerator random) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.exchanges = new Exchanges(clock);
  }

  /**
   * Runs the call on the calling thread.
   *
   * @throws LlmCallException when no usable answer came: provider failure, invalid answers on
   *     every attempt, deadline, or cancellation (see {@link LlmCallException#reason()})
   */
  public <T> StructuredAnswer<T> execute(
      LlmCall call, AnswerParser<T> parser, AttemptListener listener, CancelToken cancel) {
    AttemptBook<T> book = new AttemptBook<>(call, parser, new SafeListener(listener), cancel, clock);
    for (int attempt = 1; ; attempt++) {
      book.start(attempt);
      long started = System.nanoTime();
      Exchanges.Outcome outcome = exchanges.send(call, book.nextRequest(), cancel);
      Duration latency = Duration.ofNanos(System.nanoTime() - started);
      Optional<StructuredAnswer<T>> answer =
          switch (outcome) {
            case Exchanges.Outcome.Answered a -> book.answered(attempt, latency, a.response());
            case Exchanges.Outcome.Failed f -> book.failed(attempt, latency, f.failure(), this::backoff);
            case Exchanges.Outcome.Abandoned x -> throw book.abandoned(attempt, latency, x.byDeadline());
          };
      if (answer.isPresent()) {
        return answer.get();
      }
    }
  }

  private Duration backoff(int retry, LlmException failure) {
    return policy.delayBefore(retry, failure.retryAfter(), random);
  }
}
