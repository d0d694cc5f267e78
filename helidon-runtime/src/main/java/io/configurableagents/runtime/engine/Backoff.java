package io.configurableagents.runtime.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The wait before retrying a retriable provider error (429, 5xx, timeout, connection): exactly the
 * provider's {@code Retry-After} when it sent one, else exponential back-off from {@code first}
 * (doubling with each retry, at most {@code max}) with ±20% jitter, so that runs that failed
 * together do not retry together. The run's deadline bounds every wait (see {@link Waits#sleep}).
 */
record Backoff(Duration first, Duration max) {
  static final Duration DEFAULT_MAX = Duration.ofSeconds(30);

  Backoff {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(max, "max");
    if (first.isNegative() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("need 0 <= first <= max, got " + first + " and " + max);
    }
  }

  /** Starting at {@code first}, growing to {@link #DEFAULT_MAX} (or {@code first}, if that is longer). */
  static Backoff startingAt(Duration first) {
    return new Backoff(first, first.compareTo(DEFAULT_MAX) > 0 ? first : DEFAULT_MAX);
  }

  /**
   * @param retry 1 before the second attempt, 2 before the third...
   * @param random a number in [0, 1): where in the jitter range the delay falls
   */
  Duration before(int retry, Optional<Duration> retryAfter, double random) {
    if (retryAfter.isPresent()) {
      return retryAfter.get();
    }
    double jitter = 0.8 + 0.4 * random;
    return Duration.ofNanos((long) (nominal(retry).toNanos() * jitter));
  }

  /** The delay before retry {@code retry}, without jitter: {@code first * 2^(retry-1)}, at most {@code max}. */
  Duration nominal(int retry) {
    int doublings = Math.min(Math.max(retry - 1, 0), 30);
    Duration grown = first.multipliedBy(1L << doublings);
    return grown.compareTo(max) > 0 || grown.isNegative() ? max : grown;
  }
}
