package io.configurableagents.runtime.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The engine's only blocking waits. Each ends as soon as the work is done, the scope stops
 * (cancellation, a sibling's failure) or the run's deadline passes, whichever comes first.
 */
final class Waits {
  private Waits() {}

  /**
   * Waits for {@code work}.
   *
   * @return its value
   * @throws RunStopped when the scope stopped first (or the thread was interrupted)
   * @throws Deadline.Passed when the deadline passed first
   * @throws RuntimeException what the work threw
   */
  static <T> T await(CompletableFuture<T> work, Scope scope, Deadline deadline) {
    try {
      CompletableFuture.anyOf(work, scope.signal()).get(Math.max(0, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      throw scope.interrupted();
    } catch (TimeoutException e) {
      throw new Deadline.Passed();
    } catch (ExecutionException e) {
      // the work failed: reported below
    }
    if (!work.isDone()) {
      throw scope.stoppedException();
    }
    try {
      return work.join();
    } catch (CompletionException e) {
      throw unwrap(e.getCause());
    }
  }

  /**
   * Sleeps for {@code delay} unless the scope stops first. A delay that would end past the
   * deadline fails at once: there would be no time left to use it.
   */
  static void sleep(Duration delay, Scope scope, Deadline deadline) {
    long nanos = delay.toNanos();
    if (nanos >= deadline.remainingNanos()) {
      throw new Deadline.Passed();
    }
    if (nanos <= 0) {
      scope.checkNotStopped();
      return;
    }
    try {
      scope.signal().get(nanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      throw scope.interrupted();
    } catch (TimeoutException e) {
      return;
    } catch (ExecutionException e) {
      // a stop signal never fails; treat like a stop
    }
    throw scope.stoppedException();
  }

  private static RuntimeException unwrap(Throwable cause) {
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(cause);
  }
}
