package io.configurableagents.runtime.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Back-off between attempts after a retriable provider error: exponential with full jitter (a
 * uniformly random delay between 0 and {@code min(maxDelay, initialDelay * 2^(retry-1))}), or
 * exactly the provider's {@code Retry-After} when it sent one.
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay) {
  public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30));

  public RetryPolicy {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
    }
  }

  /**
   * @param retry 1 before the second attempt, 2 before the third, ...
   */
  public Duration delayBefore(int retry, Optional<Duration> retryAfter, RandomGenerator random) {
    if (retryAfter.isPresent()) {
      return retryAfter.get();
    }
    long ceiling = ceiling(retry).toNanos();
    return Duration.ofNanos(Math.min(ceiling, (long) (random.nextDouble() * (ceiling + 1.0))));
  }

  /** The largest delay full jitter may pick before retry {@code retry}. */
  public Duration ceiling(int retry) {
    int doublings = Math.min(Math.max(retry - 1, 0), 30);
    Duration grown = initialDelay.multipliedBy(1L << doublings);
    return grown.compareTo(maxDelay) > 0 ? maxDelay : grown;
  }
}
