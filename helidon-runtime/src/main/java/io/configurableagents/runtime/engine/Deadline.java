package io.configurableagents.runtime.engine;

import java.time.Duration;

/** The moment a run must be done by, on the {@link System#nanoTime()} clock. */
record Deadline(long atNanos, Duration timeout) {

  static Deadline after(Duration timeout) {
    long now = System.nanoTime();
    long nanos = timeout.compareTo(Duration.ofDays(365)) > 0 ? Duration.ofDays(365).toNanos() : timeout.toNanos();
    return new Deadline(now + nanos, timeout);
  }

  long remainingNanos() {
    return atNanos - System.nanoTime();
  }

  boolean passed() {
    return remainingNanos() <= 0;
  }

  /** Thrown by waits when the deadline passes; the caller knows which node was doing what. */
  static final class Passed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Passed() {
      super("deadline passed", null, false, false);
    }
  }
}
