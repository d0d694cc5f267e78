package io.configurableagents.core.model;

import java.time.Duration;

/**
 * {@code config.execution}.
 *
 * @param timeout the deadline of a whole run ({@code timeout}, seconds, default 120)
 * @param maxAttempts LLM attempts per node ({@code max_retries}: the reference counts attempts; 1+)
 * @param maxSteps node executions per run before the run fails ({@code max_steps}, our extension,
 *     default 100)
 */
public record ExecutionSpec(Duration timeout, int maxAttempts, int maxSteps) {
  public static final ExecutionSpec DEFAULT = new ExecutionSpec(Duration.ofSeconds(120), 3, 100);
}
