package io.configurableagents.runtime.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One writer thread for a store: it takes everything submitted since its last write and hands it
 * over as one batch, so a burst of thousands of records costs one write and one {@code fsync}.
 * When nothing comes for a while it calls {@link Batches#idle} (for time-based retention). Closing
 * writes what was submitted before, then stops the thread.
 *
 * <p>A store whose writer is gone cannot keep its promises (saves would wait for ever), so anything
 * {@link Batches} throws, an {@link Error} such as {@link OutOfMemoryError} included, is fatal:
 * the thread stops and hands the failure to its handler, by default {@link
 * FatalFailure#stopProcess}, which stops the process so that it is restarted.
 */
public final class GroupCommitWriter<E> implements AutoCloseable {
  private static final int MAX_BATCH = 8192;

  /** What the writer thread does; both run on it only. */
  public interface Batches<E> {
    /** Writes {@code batch} (never empty), in submission order. Throwing stops the process. */
    void write(List<E> batch);

    /** Nothing was submitted for the idle period. */
    default void idle() {}
  }

  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final Object stop = new Object();
  private final Batches<E> batches;
  private final Duration idlePeriod;
  private final FatalFailure.Handler onFailure;
  private final Thread thread;

  public GroupCommitWriter(String threadName, Duration idlePeriod, Batches<E> batches) {
    this(threadName, idlePeriod, batches, FatalFailure::stopProcess);
  }

  /** With {@code onFailure} instead of stopping the process: for tests. */
  public GroupCommitWriter(String threadName, Duration idlePeriod, Batches<E> batches, FatalFailure.Handler onFailure) {
    this.batches = Objects.requireNonNull(batches, "batches");
    this.idlePeriod = Objects.requireNonNull(idlePeriod, "idlePeriod");
    this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
    this.thread = Thread.ofPlatform().daemon().name(threadName).start(this::run);
  }

  public void submit(E element) {
    queue.add(Objects.requireNonNull(element, "element"));
  }

  /** Whether the thread still takes what is submitted (false once closed or failed). */
  public boolean running() {
    return thread.isAlive();
  }

  /** Writes what was submitted before, then stops the thread. */
  @Override
  public void close() {
    if (thread.isAlive() && thread != Thread.currentThread()) {
      queue.add(stop);
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    try {
      loop();
    } catch (Throwable e) {
      queue.clear();
      onFailure.failed("the writer thread " + Thread.currentThread().getName(), e);
    }
  }

  private void loop() {
    List<Object> taken = new ArrayList<>();
    boolean stopping = false;
    while (!stopping) {
      Object first;
      try {
        first = queue.poll(idlePeriod.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        break;
      }
      if (first == null) {
        batches.idle();
        continue;
      }
      taken.add(first);
      queue.drainTo(taken, MAX_BATCH);
      stopping = taken.remove(stop);
      write(taken);
      taken.clear();
    }
    queue.drainTo(taken);
    taken.remove(stop);
    write(taken);
  }

  @SuppressWarnings("unchecked")
  private void write(List<Object> taken) {
    if (!taken.isEmpty()) {
      batches.write((List<E>) (List<?>) taken);
    }
  }
}
