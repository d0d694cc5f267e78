package io.configurableagents.core.model;

import java.time.Duration;

/**
 * {@code config.execution}.
 *
 * @param timeout the deadline of a whole run ({@code timeout}, seconds, default 120)
 * @param maxAttempts LLM attempts per node ({@code max_retries}: the reference counts attempts; 1+)
 * @param maxSteps node executions per run before the run fails ({@code max_steps}, our extension,
 *     default 100)
 * @param maxToolRounds how many times the model of one node execution may ask for tool calls
 *     ({@code max_tool_rounds}, our extension, default 8; a node's own {@code max_tool_rounds} wins)
 */
public record ExecutionSpec(Duration timeout, int maxAttempts, int maxSteps, int maxToolRounds) {
  public static final int DEFAULT_MAX_TOOL_ROUNDS = 8;
  public static final ExecutionSpec DEFAULT = new ExecutionSpec(Duration.ofSeconds(120), 3, 100, DEFAULT_MAX_TOOL_ROUNDS);

  /** Without {@code max_tool_rounds}: the default. */
  public ExecutionSpec(Duration timeout, int maxAttempts, int maxSteps) {
    this(timeout, maxAttempts, maxSteps, DEFAULT_MAX_TOOL_ROUNDS);
  }
}
