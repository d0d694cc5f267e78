package io.configurableagents.runtime.http;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The limits of {@code POST /run} per caller ({@code docs/runtime.md}, "Security"): a token bucket
 * of {@code RATE_LIMIT} runs a second with bursts of {@code RATE_LIMIT_BURST}, and at most
 * {@code MAX_RUNS_IN_FLIGHT_PER_KEY} runs in flight. A refused run is a {@link
 * TooManyRunsException} (429 with {@code Retry-After}). Thread-safe; memory stays bounded however
 * many addresses call: buckets that have refilled are forgotten.
 */
public final class RunAdmission {
  /** Above this many callers with a bucket, full buckets (callers quiet for a while) are dropped. */
  static final int SWEEP_ABOVE = 10_000;

  private final AccessSettings settings;
  private final LongSupplier nanoTime;
  private final Map<Caller, Bucket> buckets = new ConcurrentHashMap<>();
  private final Map<Caller, Integer> inFlight = new ConcurrentHashMap<>();

  RunAdmission(AccessSettings settings, LongSupplier nanoTime) {
    this.settings = settings;
    this.nanoTime = nanoTime;
  }

  public static RunAdmission of(AccessSettings settings) {
    return new RunAdmission(settings, System::nanoTime);
  }

  /** One admitted run; {@link #close()} when it has ended (more calls do nothing). */
  public interface Ticket extends AutoCloseable {
    /** A ticket that holds nothing. */
    Ticket NONE = () -> {};

    @Override
    void close();
  }

  /** Admits one run of {@code caller}, or throws {@link TooManyRunsException}. */
  public Ticket admit(Caller caller) {
    settings.rateLimit().ifPresent(limit -> take(caller, limit));
    OptionalInt cap = settings.maxRunsInFlightPerCaller();
    if (cap.isEmpty()) {
      return Ticket.NONE;
    }
    int max = cap.getAsInt();
    boolean[] admitted = new boolean[1];
    inFlight.compute(caller, (c, n) -> {
      int now = n == null ? 0 : n;
      admitted[0] = now < max;
      return admitted[0] ? now + 1 : now;
    });
    if (!admitted[0]) {
      throw new TooManyRunsException("too_many_runs_in_flight",
          "this " + who(caller) + " already has " + max + " run(s) in flight, the most allowed (MAX_RUNS_IN_FLIGHT_PER_KEY);"
              + " retry when one has ended", Duration.ofSeconds(1));
    }
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true)) {
        inFlight.computeIfPresent(caller, (c, n) -> n <= 1 ? null : n - 1);
      }
    };
  }

  /** Runs in flight of {@code caller}. */
  int inFlight(Caller caller) {
    return inFlight.getOrDefault(caller, 0);
  }

  /** How many callers have a bucket now (bounded by the sweep). */
  int callersWithBuckets() {
    return buckets.size();
  }

  private void take(Caller caller, AccessSettings.RateLimit limit) {
    long now = nanoTime.getAsLong();
    if (buckets.size() > SWEEP_ABOVE) {
      buckets.values().removeIf(b -> b.fullAt(now, limit));
    }
    Duration wait = buckets.computeIfAbsent(caller, c -> new Bucket(limit.burst(), now)).take(now, limit);
    if (!wait.isZero()) {
      throw new TooManyRunsException("rate_limited",
          "this " + who(caller) + " sent more than " + describe(limit) + " (RATE_LIMIT, RATE_LIMIT_BURST); retry after "
              + Math.max(1, (wait.toMillis() + 999) / 1000) + " s", wait);
    }
  }

  private String who(Caller caller) {
    return settings.keys().required() ? "API key" : "client address";
  }

  private static String describe(AccessSettings.RateLimit limit) {
    double rate = limit.perSecond();
    String perSecond = rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
    return perSecond + " run(s) a second (bursts of " + limit.burst() + ")";
  }

  /** A token bucket: {@code tokens} runs may start now; it refills at the limit's rate up to its burst. */
  private static final class Bucket {
    private double tokens;
    private long updatedAt;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updatedAt = now;
    }

    /** Takes a token: zero when one was there, else how long until one will be. */
    synchronized Duration take(long now, AccessSettings.RateLimit limit) {
      refill(now, limit);
      if (tokens >= 1) {
        tokens -= 1;
        return Duration.ZERO;
      }
      return Duration.ofNanos((long) Math.ceil((1 - tokens) / limit.perSecond() * 1e9));
    }

    synchronized boolean fullAt(long now, AccessSettings.RateLimit limit) {
      refill(now, limit);
      return tokens >= limit.burst();
    }

    private void refill(long now, AccessSettings.RateLimit limit) {
      tokens = Math.min(limit.burst(), tokens + (now - updatedAt) / 1e9 * limit.perSecond());
      updatedAt = now;
    }
  }
}
