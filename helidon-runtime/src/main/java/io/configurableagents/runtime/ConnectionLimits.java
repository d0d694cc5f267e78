package io.configurableagents.runtime;

import io.configurableagents.runtime.llm.LlmClientOptions;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * How many connections the API listener holds at once ({@code MAX_CONNECTIONS}) and how long one
 * may stay idle ({@code IDLE_TIMEOUT}); see docs/runtime.md. Further clients wait in the listen
 * backlog until a connection closes, so the cap is reached before the process runs out of file
 * descriptors, whatever the number of clients.
 *
 * @param maxConnections the most connections held at once
 * @param idleTimeout how long a connection may go without a request (also before its first one)
 */
public record ConnectionLimits(int maxConnections, Duration idleTimeout) {
  /** The default cap when the descriptor limit is unknown or high. */
  static final int MAX_DEFAULT = 10_000;
  /** The traces page's listener: a few browsers. */
  static final int TRACES_MAX_CONNECTIONS = 64;
  private static final Duration LONGEST_IDLE_CHECK = Duration.ofSeconds(5);

  /**
   * Half the process's descriptor limit (the other half is left to provider connections, the
   * stores' files and the traces page), at most {@value #MAX_DEFAULT}.
   */
  static int defaultMaxConnections(OptionalLong descriptorLimit) {
    return (int) Math.max(1, Math.min(MAX_DEFAULT, descriptorLimit.orElse(2L * MAX_DEFAULT) / 2));
  }

  /**
   * A quarter of the process's descriptor limit for connections to providers, at most {@value
   * LlmClientOptions#DEFAULT_MAX_CONNECTIONS}: with the API's half, a quarter stays for the stores'
   * files, the traces page and tools.
   */
  static int defaultMaxProviderConnections(OptionalLong descriptorLimit) {
    return (int) Math.max(1, Math.min(LlmClientOptions.DEFAULT_MAX_CONNECTIONS, descriptorLimit.orElse(4L * LlmClientOptions.DEFAULT_MAX_CONNECTIONS) / 4));
  }

  /** How often idle connections are looked for: the timeout is overrun by at most this much. */
  public Duration idleCheckPeriod() {
    return idleTimeout.compareTo(LONGEST_IDLE_CHECK) < 0 ? idleTimeout : LONGEST_IDLE_CHECK;
  }
}
