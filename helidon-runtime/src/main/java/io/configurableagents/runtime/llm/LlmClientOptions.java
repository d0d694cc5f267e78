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
 * @param maxAnswerBytes the longest answer read ({@code MAX_PROVIDER_ANSWER_BYTES}); a longer one
 *     fails the attempt, unread
 * @param maxConnections the most connections to providers open at once ({@code
 *     MAX_PROVIDER_CONNECTIONS}), idle ones included; an exchange beyond them waits for one
 */
public record LlmClientOptions(Duration connectTimeout, Duration requestTimeout, long maxAnswerBytes, int maxConnections) {
  /** 4 MiB: about a hundred times the longest answer a model writes within its output token limit. */
  public static final long DEFAULT_MAX_ANSWER_BYTES = 4L << 20;
  /** When the process's descriptor limit is unknown or high. */
  public static final int DEFAULT_MAX_CONNECTIONS = 5_000;
  public static final LlmClientOptions DEFAULT = new LlmClientOptions(Duration.ofSeconds(10), Duration.ofSeconds(60));

  public LlmClientOptions(Duration connectTimeout, Duration requestTimeout) {
    this(connectTimeout, requestTimeout, DEFAULT_MAX_ANSWER_BYTES, DEFAULT_MAX_CONNECTIONS);
  }

  public LlmClientOptions {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (maxAnswerBytes < 1 || maxAnswerBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxAnswerBytes must be from 1 to " + (Integer.MAX_VALUE - 8));
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be positive");
    }
  }

  /** These options with another answer cap. */
  public LlmClientOptions withMaxAnswerBytes(long bytes) {
    return new LlmClientOptions(connectTimeout, requestTimeout, bytes, maxConnections);
  }

  /** These options with another cap on connections. */
  public LlmClientOptions withMaxConnections(int connections) {
    return new LlmClientOptions(connectTimeout, requestTimeout, maxAnswerBytes, connections);
  }
}
