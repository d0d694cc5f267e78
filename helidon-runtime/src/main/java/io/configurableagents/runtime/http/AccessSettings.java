package io.configurableagents.runtime.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Who may call the API and how often ({@code docs/runtime.md}, "Security").
 *
 * @param keys {@code API_KEYS} and {@code API_KEYS_FILE}; none: the API is open
 * @param rateLimit {@code RATE_LIMIT} and {@code RATE_LIMIT_BURST}: runs a second per caller; empty: no limit
 * @param maxRunsInFlightPerCaller {@code MAX_RUNS_IN_FLIGHT_PER_KEY}; empty: no cap
 */
public record AccessSettings(ApiKeys keys, Optional<RateLimit> rateLimit, OptionalInt maxRunsInFlightPerCaller) {
  /** An open API without limits. */
  public static final AccessSettings OPEN = new AccessSettings(ApiKeys.NONE, Optional.empty(), OptionalInt.empty());

  public AccessSettings {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(rateLimit, "rateLimit");
    Objects.requireNonNull(maxRunsInFlightPerCaller, "maxRunsInFlightPerCaller");
  }

  /**
   * A token bucket per caller: {@code perSecond} runs a second on average, {@code burst} at once.
   *
   * @param perSecond more than 0
   * @param burst at least 1
   */
  public record RateLimit(double perSecond, int burst) {
    public RateLimit {
      if (!(perSecond > 0) || burst < 1) {
        throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least 1");
      }
    }

    /** The default burst: one second's worth of runs, at least 1. */
    public static int defaultBurst(double perSecond) {
      return (int) Math.max(1, Math.ceil(perSecond));
    }
  }

  /** The start-up log's lines: whether the API is open, and its limits. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add(keys.required()
        ? "API: a key is required (Authorization: Bearer, " + keys + "); /health and /observe/health stay open"
        : "API: open, no key required (set API_KEYS or API_KEYS_FILE to require one)");
    String per = keys.required() ? "per API key" : "per client address";
    rateLimit.ifPresent(r -> lines.add("API: at most " + number(r.perSecond()) + " run(s) a second " + per + ", bursts of " + r.burst()));
    maxRunsInFlightPerCaller.ifPresent(n -> lines.add("API: at most " + n + " run(s) in flight " + per));
    return lines;
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
