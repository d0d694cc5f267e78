package io.configurableagents.runtime.engine;

import io.configurableagents.core.model.ExecutionSpec;
import java.time.Duration;

/**
 * The limits every run of a workflow has, with where each came from (for the message that tells
 * users how to raise it).
 *
 * @param maxAttempts LLM attempts per node ({@code config.execution.max_retries})
 */
record Limits(int maxSteps, String maxStepsSource, Duration timeout, String timeoutSource, int maxAttempts) {

  static Limits of(ExecutionSpec execution, EngineOptions options) {
    return new Limits(
        options.maxSteps().orElse(execution.maxSteps()),
        options.maxSteps().isPresent()
            ? "the server's step-limit setting (it overrides config.execution.max_steps)"
            : "config.execution.max_steps in the workflow file",
        options.timeout().orElse(execution.timeout()),
        options.timeout().isPresent()
            ? "the server's run-timeout setting (it overrides config.execution.timeout)"
            : "config.execution.timeout in the workflow file",
        Math.max(1, execution.maxAttempts()));
  }

  RunFailure stepLimit(String node) {
    return new RunFailure(RunError.at(EngineError.STEP_LIMIT, node, maxSteps, node, maxStepsSource));
  }

  RunFailure timeout(String node, String doing) {
    return new RunFailure(RunError.at(EngineError.TIMEOUT, node, describe(timeout), node, doing, timeoutSource));
  }

  /** {@code 120 s}, {@code 1.5 s}, {@code 250 ms}. */
  static String describe(Duration d) {
    long millis = d.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
