package io.configurableagents.runtime.engine;

import io.configurableagents.runtime.engine.OutputReader.Reading;
import io.configurableagents.runtime.llm.LlmClient;
import io.configurableagents.runtime.llm.LlmException;
import io.configurableagents.runtime.llm.LlmRequest;
import io.configurableagents.runtime.llm.LlmResponse;
import io.configurableagents.runtime.llm.LlmTarget;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The attempts of one LLM node execution (workflow-format.md B 10.1 with A.3): up to
 * {@code max_retries} attempts; an answer that is malformed or mistyped is retried at once with
 * the clarification note; a retriable provider error (429, 5xx, timeout, connection) after an
 * exponential back-off with jitter, or the provider's {@code Retry-After}; anything else fails at
 * once. Each call runs on its own virtual thread, so that cancellation and the deadline abandon it
 * at once, whatever the client does.
 */
final class AttemptLoop {
  static final String CLARIFICATION =
      "\n\nYour previous answer did not match the required output schema (%s)."
          + " Answer again with JSON that matches the schema exactly.";
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

  private final Run run;

  AttemptLoop(Run run) {
    this.run = run;
  }

  Map<String, Object> run(LlmNode node, NodeExecution exec, LlmClient client, String prompt, Scope scope, Cost cost) {
    LlmTarget target = client.target();
    String rejection = null;
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt >= run.limits().maxAttempts();
      String text = rejection == null ? prompt : prompt + String.format(CLARIFICATION, rejection);
      Attempt a = new Attempt(exec, attempt, target, System.nanoTime());
      run.emit(new RunEvent.LlmAttemptStarted(run.id(), run.now(), exec, attempt, target, text));
      cost.attempts++;
      LlmResponse response;
      try {
        response = call(client, new LlmRequest(text, node.schemaName(), node.outputSchema()), scope);
      } catch (LlmException e) {
        Optional<Duration> retry = e.retriable() && !last ? Optional.of(backoff(attempt, e)) : Optional.empty();
        String message = Secrets.scrub(e.getMessage(), run.options().environment(), node.apiKeyVariable());
        a.finished(null, new AttemptOutcome.ProviderFailed(message, status(e), e.retriable()), retry);
        if (retry.isEmpty()) {
          String after = attempt > 1 ? " (attempt " + attempt + " of " + run.limits().maxAttempts() + ")" : "";
          throw new RunFailure(RunError.at(EngineError.PROVIDER_ERROR, node.id(), node.id(), message + after));
        }
        pause(node, retry.get(), scope, message);
        continue;
      } catch (Deadline.Passed e) {
        a.finished(null, new AttemptOutcome.Abandoned("the run's deadline passed"), Optional.empty());
        throw run.limits().timeout(node.id(), "waiting for " + target + " (attempt " + attempt + ")");
      } catch (RunStopped e) {
        a.finished(null, new AttemptOutcome.Abandoned(e.getMessage()), Optional.empty());
        throw e;
      }
      cost.inputTokens += response.inputTokens();
      cost.outputTokens += response.outputTokens();
      switch (node.reader().read(response.text())) {
        case Reading.Accepted accepted -> {
          a.finished(response, new AttemptOutcome.Accepted(accepted.values()), Optional.empty());
          return accepted.values();
        }
        case Reading.Rejected rejected -> {
          a.finished(response, new AttemptOutcome.Rejected(rejected.problem()), last ? Optional.empty() : Optional.of(Duration.ZERO));
          if (last) {
            throw new RunFailure(
                RunError.at(EngineError.INVALID_OUTPUT, node.id(), node.id(), attempt, rejected.problem()));
          }
          rejection = rejected.problem();
        }
      }
    }
  }

  /** One attempt's identity and start, to report its end. */
  private final class Attempt {
    private final NodeExecution exec;
    private final int number;
    private final LlmTarget target;
    private final long startNanos;

    Attempt(NodeExecution exec, int number, LlmTarget target, long startNanos) {
      this.exec = exec;
      this.number = number;
      this.target = target;
      this.startNanos = startNanos;
    }

    void finished(LlmResponse response, AttemptOutcome outcome, Optional<Duration> retryIn) {
      Duration latency = Duration.ofNanos(System.nanoTime() - startNanos);
      run.emit(
          new RunEvent.LlmAttemptFinished(
              run.id(),
              run.now(),
              exec,
              number,
              target,
              latency,
              response == null ? 0 : response.inputTokens(),
              response == null ? 0 : response.outputTokens(),
              Optional.ofNullable(response).map(LlmResponse::text),
              outcome,
              retryIn));
    }
  }

  /** Calls the model on a virtual thread of its own; abandons (and interrupts) it when the wait ends early. */
  private LlmResponse call(LlmClient client, LlmRequest request, Scope scope) {
    CompletableFuture<LlmResponse> answer = new CompletableFuture<>();
    Thread worker =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    answer.complete(client.complete(request));
                  } catch (Throwable t) {
                    answer.completeExceptionally(t);
                  }
                });
    try {
      return Waits.await(answer, scope, run.deadline());
    } catch (LlmException | Deadline.Passed | RunStopped e) {
      throw e;
    } catch (RuntimeException e) {
      throw unexpected(client.target(), e);
    } finally {
      if (!answer.isDone()) {
        worker.interrupt();
      }
    }
  }

  private void pause(LlmNode node, Duration delay, Scope scope, String lastError) {
    try {
      Waits.sleep(delay, scope, run.deadline());
    } catch (Deadline.Passed e) {
      throw run.limits().timeout(node.id(), "waiting " + Limits.describe(delay) + " to retry after: " + lastError);
    }
  }

  /** Exponential back-off from {@link EngineOptions#retryBackoff()} with ±20% jitter, or {@code Retry-After}. */
  private Duration backoff(int attempt, LlmException e) {
    if (e.retryAfter().isPresent()) {
      return min(e.retryAfter().get(), MAX_BACKOFF);
    }
    long base = run.options().retryBackoff().toNanos() << Math.min(attempt - 1, 20);
    double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
    return min(Duration.ofNanos((long) (base * jitter)), MAX_BACKOFF);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static OptionalInt status(LlmException e) {
    return e.httpStatus().map(OptionalInt::of).orElse(OptionalInt.empty());
  }

  /** A client that broke its contract (threw something other than {@link LlmException}): not retried. */
  private static LlmException unexpected(LlmTarget target, RuntimeException e) {
    return LlmException.unexpected(target, e);
  }
}
