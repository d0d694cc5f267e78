package io.configurableagents.runtime.http;

import io.helidon.http.Status;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The request bodies that runs not yet finished hold in memory, together at most {@code
 * MAX_INPUT_BYTES_IN_FLIGHT} ({@code docs/runtime.md}, "Memory"): a run that would go past it is
 * refused with 503 and {@code Retry-After}, so that a flood of runs (async ones outlive their
 * requests) is bounded by configuration, not by traffic. A run alone is always admitted, whatever
 * its size ({@code MAX_BODY_BYTES} bounds that). Thread-safe.
 */
final class InputBudget {
  private final long max;
  private final AtomicLong held = new AtomicLong();

  InputBudget(long max) {
    this.max = max;
  }

  /** Holds {@code bytes} until the ticket is closed, or throws {@link TooManyRunsException} (503). */
  RunAdmission.Ticket hold(long bytes) {
    long now = held.addAndGet(bytes);
    if (now > max && now != bytes) {
      held.addAndGet(-bytes);
      throw new TooManyRunsException(Status.SERVICE_UNAVAILABLE_503, "busy",
          "the runs in progress hold " + megabytes(now - bytes) + " of inputs, and this one's " + megabytes(bytes)
              + " would pass the server's limit of " + megabytes(max) + " (MAX_INPUT_BYTES_IN_FLIGHT); retry when runs have finished",
          Duration.ofSeconds(1));
    }
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true)) {
        held.addAndGet(-bytes);
      }
    };
  }

  /** Bytes held now. */
  long held() {
    return held.get();
  }

  private static String megabytes(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
  }
}
