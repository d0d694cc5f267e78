package io.configurableagents.runtime.jobs;

import java.time.Duration;
import java.util.Objects;

/**
 * How long finished jobs stay readable: a job is removed once it finished longer than
 * {@code maxAge} ago, or when more than {@code maxCount} finished jobs are kept (oldest first).
 */
public record Retention(Duration maxAge, int maxCount) {
  public Retention {
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxAge must be positive: " + maxAge);
    }
    if (maxCount < 1) {
      throw new IllegalArgumentException("maxCount must be at least 1: " + maxCount);
    }
  }
}
