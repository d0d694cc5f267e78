package io.configurableagents.runtime.engine;

import io.configurableagents.runtime.llm.Environment;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Process-wide engine settings, for what the operator rather than the workflow file decides.
 * Start from {@link #DEFAULT} and change what you need: {@code EngineOptions.DEFAULT.withMaxSteps(500)}.
 *
 * @param maxSteps overrides {@code config.execution.max_steps} (node executions per run) when set
 * @param timeout overrides {@code config.execution.timeout} (the deadline of a whole run) when set
 * @param environment where provider API keys are looked up (default: the process environment);
 *     {@link WorkflowEngine#create(io.configurableagents.core.model.Workflow, EngineOptions,
 *     io.configurableagents.runtime.llm.LlmClients)} takes the clients' environment instead, so
 *     that the engine and the clients never disagree
 * @param clock the source of event timestamps
 * @param retryBackoff the first back-off before retrying a retriable provider error; it doubles
 *     with each attempt (with jitter) unless the provider sent {@code Retry-After}
 */
public record EngineOptions(
    Optional<Integer> maxSteps,
    Optional<Duration> timeout,
    Environment environment,
    Clock clock,
    Duration retryBackoff) {

  public static final EngineOptions DEFAULT =
      new EngineOptions(Optional.empty(), Optional.empty(), Environment.system(), Clock.systemUTC(), Duration.ofSeconds(1));

  public EngineOptions {
    Objects.requireNonNull(maxSteps, "maxSteps");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(retryBackoff, "retryBackoff");
    maxSteps.ifPresent(
        n -> {
          if (n < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, got " + n);
          }
        });
    timeout.ifPresent(
        t -> {
          if (t.isNegative() || t.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + t);
          }
        });
    if (retryBackoff.isNegative()) {
      throw new IllegalArgumentException("retryBackoff must not be negative, got " + retryBackoff);
    }
  }

  public EngineOptions withMaxSteps(int steps) {
    return new EngineOptions(Optional.of(steps), timeout, environment, clock, retryBackoff);
  }

  public EngineOptions withTimeout(Duration runTimeout) {
    return new EngineOptions(maxSteps, Optional.of(runTimeout), environment, clock, retryBackoff);
  }

  public EngineOptions withEnvironment(Environment variables) {
    return new EngineOptions(maxSteps, timeout, variables, clock, retryBackoff);
  }

  /** A fixed set of variables instead of the process environment (tests, embedding). */
  public EngineOptions withEnvironment(Map<String, String> variables) {
    return withEnvironment(Environment.of(variables));
  }

  public EngineOptions withClock(Clock eventClock) {
    return new EngineOptions(maxSteps, timeout, environment, eventClock, retryBackoff);
  }

  public EngineOptions withRetryBackoff(Duration firstBackoff) {
    return new EngineOptions(maxSteps, timeout, environment, clock, firstBackoff);
  }
}
