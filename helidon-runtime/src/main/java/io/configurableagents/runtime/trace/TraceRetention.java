package io.configurableagents.runtime.trace;

import java.time.Duration;
import java.util.Objects;

/**
 * How long finished traces are kept: a trace goes when it is older than {@code maxAge} or when
 * {@code maxCount} newer ones exist.
 */
public record TraceRetention(Duration maxAge, int maxCount) {
  public static final TraceRetention DEFAULT = new TraceRetention(Duration.ofDays(7), 1_000);

  public TraceRetention {
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.isNegative() || maxAge.isZero() || maxCount < 1) {
      throw new IllegalArgumentException("retention must keep something: " + maxAge + ", " + maxCount);
    }
  }
}
