package io.configurableagents.runtime.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * Process-wide settings of provider clients.
 *
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param requestTimeout how long one exchange may take, from sending to the whole answer; longer
 *     is a {@link LlmException.Kind#TIMEOUT} (retried). The run deadline still bounds every call.
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
