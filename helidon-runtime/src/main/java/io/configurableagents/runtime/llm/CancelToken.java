package io.configurableagents.runtime.llm;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets one thread cancel work another thread waits on: an LLM exchange in flight is abandoned and
 * a back-off sleep ends at once. Thread-safe; cancelling is permanent and idempotent. The engine
 * keeps one per run (its {@code RunControl} cancels it).
 */
public final class CancelToken {
  private final CountDownLatch cancelled = new CountDownLatch(1);
  private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();

  private CancelToken() {}

  public static CancelToken create() {
    return new CancelToken();
  }

  /** Cancels: runs every registered callback once, on the calling thread. */
  public void cancel() {
    if (isCancelled()) {
      return;
    }
    cancelled.countDown();
    for (Runnable callback : callbacks) {
      callbacks.remove(callback);
      runQuietly(callback);
    }
  }

  public boolean isCancelled() {
    return cancelled.getCount() == 0;
  }

  /**
   * Runs {@code callback} when the token is cancelled (at once if it already is), until the
   * returned registration is closed.
   */
  public Registration onCancel(Runnable callback) {
    callbacks.add(callback);
    if (isCancelled() && callbacks.remove(callback)) {
      runQuietly(callback);
    }
    return () -> callbacks.remove(callback);
  }

  /**
   * Sleeps for {@code duration} unless cancelled first.
   *
   * @return true when the token was cancelled (or the thread interrupted, whose flag is kept)
   */
  public boolean sleep(Duration duration) {
    try {
      return cancelled.await(Math.max(0, duration.toNanos()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private static void runQuietly(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      // a failing callback must not keep the others from running
    }
  }

  /** A callback registration; closing it is idempotent. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
