package io.configurableagents.runtime.llm;

import io.configurableagents.runtime.llm.AttemptFinished.Retry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The bookkeeping of one {@link StructuredCall} execution: what each outcome means (answer, retry,
 * or failure), what the listener hears, the tokens summed so far, and the next prompt.
 */
final class AttemptBook<T> {
  /** Computes the back-off before a retry (1-based) after a retriable failure. */
  @FunctionalInterface
  interface Backoff {
    Duration delay(int retry, LlmException failure);
  }

  private final LlmCall call;
  private final AnswerParser<T> parser;
  private final AttemptListener listener;
  private final CancelToken cancel;
  private final Clock clock;
  private LlmRequest next;
  private int inputTokens;
  private int outputTokens;

  AttemptBook(LlmCall call, AnswerParser<T> parser, AttemptListener listener, CancelToken cancel, Clock clock) {
    this.call = call;
    this.parser = parser;
    this.listener = listener;
    this.cancel = cancel;
    this.clock = clock;
    this.next = call.request();
  }

  LlmRequest nextRequest() {
    return next;
  }

  /** Announces an attempt, or ends the call when it was cancelled or its deadline passed. */
  void start(int attempt) {
    if (cancel.isCancelled() || Thread.currentThread().isInterrupted()) {
      throw LlmCallException.cancelled(call, attempt - 1);
    }
    if (!clock.instant().isBefore(call.deadline())) {
      throw LlmCallException.deadline(call, attempt - 1, "the run's deadline passed", Optional.empty());
    }
    listener.attemptStarted(new AttemptStarted(call.nodeId(), attempt, call.maxAttempts(), target(), next.prompt()));
  }

  Optional<StructuredAnswer<T>> answered(int attempt, Duration latency, LlmResponse response) {
    inputTokens += response.inputTokens();
    outputTokens += response.outputTokens();
    Verdict<T> verdict = parser.parse(response.text());
    if (verdict instanceof Verdict.Valid<T> valid) {
      finished(attempt, latency, Optional.of(response), Optional.empty(), Optional.empty());
      return Optional.of(new StructuredAnswer<>(valid.value(), attempt, inputTokens, outputTokens, response.modelName()));
    }
    String problem = ((Verdict.Invalid<T>) verdict).problem();
    if (attempt >= call.maxAttempts()) {
      finished(attempt, latency, Optional.of(response), Optional.of(problem), Optional.empty());
      throw LlmCallException.invalidAnswer(call, attempt, problem);
    }
    Retry retry = new Retry(RetryReason.INVALID_ANSWER, Duration.ZERO);
    finished(attempt, latency, Optional.of(response), Optional.of(problem), Optional.of(retry));
    next = call.request().withPrompt(ClarificationNote.appendTo(call.request().prompt(), problem));
    return Optional.empty();
  }

  /** Sleeps before the next attempt when the failure allows one, else ends the call. */
  Optional<StructuredAnswer<T>> failed(int attempt, Duration latency, LlmException failure, Backoff backoff) {
    Optional<String> error = Optional.of(failure.getMessage());
    if (!failure.retriable() || attempt >= call.maxAttempts()) {
      finished(attempt, latency, Optional.empty(), error, Optional.empty());
      throw LlmCallException.providerError(call, attempt, failure);
    }
    Duration delay = backoff.delay(attempt, failure);
    Instant wakeUp = clock.instant().plus(delay);
    if (!wakeUp.isBefore(call.deadline())) {
      finished(attempt, latency, Optional.empty(), error, Optional.empty());
      String what = "the next attempt would start after the run's deadline (waiting " + seconds(delay)
          + (failure.retryAfter().isPresent() ? " as the provider's Retry-After asks)" : " to back off)");
      throw LlmCallException.deadline(call, attempt, what, Optional.of(failure));
    }
    finished(attempt, latency, Optional.empty(), error, Optional.of(new Retry(RetryReason.of(failure.kind()), delay)));
    if (cancel.sleep(delay)) {
      throw LlmCallException.cancelled(call, attempt);
    }
    return Optional.empty();
  }

  /** Reports the abandoned attempt and gives the exception that ends the call. */
  LlmCallException abandoned(int attempt, Duration latency, boolean byDeadline) {
    LlmCallException end =
        byDeadline
            ? LlmCallException.deadline(call, attempt, "the run's deadline passed while waiting for the answer", Optional.empty())
            : LlmCallException.cancelled(call, attempt);
    finished(attempt, latency, Optional.empty(), Optional.of(end.getMessage()), Optional.empty());
    return end;
  }

  private void finished(
      int attempt, Duration latency, Optional<LlmResponse> response, Optional<String> error, Optional<Retry> retry) {
    listener.attemptFinished(new AttemptFinished(call.nodeId(), attempt, target(), latency, response, error, retry));
  }

  private LlmTarget target() {
    return call.client().target();
  }

  private static String seconds(Duration delay) {
    return String.format(java.util.Locale.ROOT, "%.1f s", delay.toMillis() / 1000.0);
  }
}
