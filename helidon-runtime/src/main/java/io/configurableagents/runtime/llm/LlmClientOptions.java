package io.configurableagents.runtime.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * Process-wide settings of provider clients.
 *
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param requestTimeout how long the provider may stay silent in one exchange: before its answer
 *     starts, or between two parts of it; longer is a {@link LlmException.Kind#TIMEOUT} (retried).
 *     The run deadline bounds every call as a whole.
 */
public record LlmClientOptions(Duration connectTimeout, Duration requestTimeout) {
  public static final LlmClientOptions DEFAULT = new LlmClientOptions(Duration.ofSeconds(10), Duration.ofSeconds(60));

  public LlmClientOptions {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
  }
}
