package io.configurableagents.runtime.engine;

import io.configurableagents.runtime.llm.LlmClient;
import io.configurableagents.runtime.llm.LlmException;
import io.configurableagents.runtime.llm.LlmRequest;
import io.configurableagents.runtime.llm.LlmResponse;
import io.configurableagents.runtime.llm.LlmTarget;
import io.configurableagents.runtime.llm.ToolCall;
import io.configurableagents.runtime.llm.ToolRound;
import io.configurableagents.runtime.llm.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The attempts of one LLM node execution (docs/engine.md, "Attempts and retries"), the only attempt
 * loop of the runtime: up to {@code max_retries} attempts; an answer that is malformed or
 * mistyped is retried at once with the {@link ClarificationNote}; a retriable provider error
 * (429, 5xx, timeout, connection) after the {@link Backoff} or the provider's {@code Retry-After};
 * anything else fails at once. A node with tools may answer with tool calls instead: they run
 * ({@link ToolRunner}), and the next exchange sends their results, up to the node's {@code
 * max_tool_rounds} rounds; a tool round does not count as an attempt. Each attempt is one {@link LlmClient#complete} (one HTTP exchange)
 * on a virtual thread of its own, so that cancellation and the deadline abandon it at once: the
 * thread is interrupted, and the provider client then aborts the exchange.
 */
final class AttemptLoop {
  private final Run run;
  private final Backoff backoff;
  private final ToolRunner tools;

  AttemptLoop(Run run) {
    this.run = run;
    this.backoff = Backoff.startingAt(run.options().retryBackoff());
    this.tools = new ToolRunner(run);
  }

  Map<String, Object> run(LlmNode node, NodeExecution exec, LlmClient client, String prompt, Scope scope, Cost cost) {
    String text = prompt;
    List<ToolRound> rounds = new ArrayList<>();
    int attempt = 1;
    for (int exchange = 1; ; exchange++) {
      Attempt a = new Attempt(exec, exchange, attempt, client.target(), text);
      cost.attempts++;
      LlmResponse response;
      try {
        response = call(client, node.request(text, rounds), scope, a, node);
      } catch (LlmException e) {
        retryAfterFailure(node, a, e, scope);
        attempt++;
        continue;
      }
      cost.inputTokens += response.inputTokens();
      cost.outputTokens += response.outputTokens();
      if (response.wantsTools()) {
        a.finished(response, new AttemptOutcome.ToolCalls(response.toolCalls()), Optional.empty());
        if (rounds.size() >= node.maxToolRounds()) {
          throw new RunFailure(RunError.at(EngineError.TOOL_ROUND_LIMIT, node.id(), node.id(), rounds.size(), node.maxToolRoundsSource()));
        }
        rounds.add(tools.run(node, exec, rounds.size() + 1, response.text(), response.toolCalls(), scope));
        continue;
      }
      // a key the provider echoed never reaches the outputs, the job store or the status (docs/providers.md)
      Verdict<Map<String, Object>> verdict = node.reader().read(run.redact(response.text()));
      if (verdict instanceof Verdict.Valid<Map<String, Object>> valid) {
        a.finished(response, new AttemptOutcome.Accepted(valid.value()), Optional.empty());
        return valid.value();
      }
      String problem = run.redact(((Verdict.Invalid<Map<String, Object>>) verdict).problem());
      boolean last = attempt >= run.limits().maxAttempts();
      a.finished(response, new AttemptOutcome.Rejected(problem), last ? Optional.empty() : Optional.of(Duration.ZERO));
      if (last) {
        throw new RunFailure(RunError.at(EngineError.INVALID_OUTPUT, node.id(), node.id(), attempt, problem));
      }
      text = ClarificationNote.appendTo(prompt, problem);
      attempt++;
    }
  }

  /** Reports a failed exchange; sleeps before the next attempt when there is one, else ends the node. */
  private void retryAfterFailure(LlmNode node, Attempt a, LlmException e, Scope scope) {
    String message = run.redact(e.getMessage());
    AttemptOutcome.ProviderFailed outcome = new AttemptOutcome.ProviderFailed(message, status(e), e.retriable());
    int max = run.limits().maxAttempts();
    if (!e.retriable() || a.attempt >= max) {
      a.finished(null, outcome, Optional.empty());
      String after = a.attempt > 1 ? " (attempt " + a.attempt + " of " + max + ")" : "";
      throw new RunFailure(RunError.at(EngineError.PROVIDER_ERROR, node.id(), node.id(), message + after));
    }
    Duration delay = backoff.before(a.attempt, e.retryAfter(), ThreadLocalRandom.current().nextDouble());
    if (delay.toNanos() >= run.deadline().remainingNanos()) {
      a.finished(null, outcome, Optional.empty());
      String why = e.retryAfter().isPresent() ? " (the provider's Retry-After)" : " (back-off)";
      throw run.limits().timeout(node.id(), "about to wait " + Limits.describe(delay) + why + " to retry after: " + message);
    }
    a.finished(null, outcome, Optional.of(delay));
    try {
      Waits.sleep(delay, scope, run.deadline());
    } catch (Deadline.Passed passed) {
      throw run.limits().timeout(node.id(), "waiting " + Limits.describe(delay) + " to retry after: " + message);
    }
  }

  /** Calls the model on a virtual thread of its own; abandons (and interrupts) it when the wait ends early. */
  private LlmResponse call(LlmClient client, LlmRequest request, Scope scope, Attempt a, LlmNode node) {
    CompletableFuture<LlmResponse> answer = new CompletableFuture<>();
    Thread worker = Thread.ofVirtual().start(() -> complete(client, request, answer));
    try {
      return Waits.await(answer, scope, run.deadline());
    } catch (LlmException e) {
      throw e;
    } catch (Deadline.Passed e) {
      a.finished(null, new AttemptOutcome.Abandoned("the run's deadline passed"), Optional.empty());
      throw run.limits().timeout(node.id(), "waiting for " + client.target() + " (attempt " + a.attempt + ")");
    } catch (RunStopped e) {
      a.finished(null, new AttemptOutcome.Abandoned(e.getMessage()), Optional.empty());
      throw e;
    } catch (RuntimeException e) {
      throw LlmException.unexpected(client.target(), e);
    } finally {
      if (!answer.isDone()) {
        worker.interrupt();
      }
    }
  }

  private static void complete(LlmClient client, LlmRequest request, CompletableFuture<LlmResponse> answer) {
    try {
      answer.complete(client.complete(request));
    } catch (Throwable t) {
      answer.completeExceptionally(t);
    }
  }

  private static OptionalInt status(LlmException e) {
    return e.httpStatus().map(OptionalInt::of).orElse(OptionalInt.empty());
  }

  /**
   * One exchange: announced when created, reported once when it ends. {@code number} counts the
   * node's exchanges (the events' attempt number); {@code attempt} counts toward {@code max_retries}
   * (a tool round does not use one up).
   */
  private final class Attempt {
    private final NodeExecution exec;
    private final int number;
    private final int attempt;
    private final LlmTarget target;
    private final long startNanos;

    Attempt(NodeExecution exec, int number, int attempt, LlmTarget target, String prompt) {
      this.exec = exec;
      this.number = number;
      this.attempt = attempt;
      this.target = target;
      run.emit(new RunEvent.LlmAttemptStarted(run.id(), run.now(), exec, number, target, prompt));
      this.startNanos = System.nanoTime();
    }

    void finished(LlmResponse response, AttemptOutcome outcome, Optional<Duration> retryIn) {
      Duration latency = Duration.ofNanos(System.nanoTime() - startNanos);
      Optional<LlmResponse> answered = Optional.ofNullable(response);
      run.emit(
          new RunEvent.LlmAttemptFinished(
              run.id(), run.now(), exec, number, target, latency,
              answered.map(LlmResponse::inputTokens).orElse(0),
              answered.map(LlmResponse::outputTokens).orElse(0),
              answered.map(r -> r.wantsTools() ? ToolCall.describe(r.toolCalls()) : r.text()).map(run::redact),
              answered.map(LlmResponse::modelName),
              answered.flatMap(LlmResponse::finishReason),
              outcome,
              retryIn));
    }
  }
}
