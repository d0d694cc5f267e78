package io.configurableagents.runtime.store;

import java.lang.System.Logger.Level;
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
 */
public final class GroupCommitWriter<E> implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(GroupCommitWriter.class.getName());
  private static final int MAX_BATCH = 8192;

  /** What the writer thread does; both run on it only. */
  public interface Batches<E> {
    /** Writes {@code batch} (never empty), in submission order. Must not throw. */
    void write(List<E> batch);

    /** Nothing was submitted for the idle period. */
    default void idle() {}
  }

  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final Object stop = new Object();
  private final Batches<E> batches;
  private final Duration idlePeriod;
  private final Thread thread;

  public GroupCommitWriter(String threadName, Duration idlePeriod, Batches<E> batches) {
    this.batches = Objects.requireNonNull(batches, "batches");
    this.idlePeriod = Objects.requireNonNull(idlePeriod, "idlePeriod");
    this.thread = Thread.ofPlatform().daemon().name(threadName).start(this::loop);
  }

  public void submit(E element) {
    queue.add(Objects.requireNonNull(element, "element"));
  }

  /** Writes what was submitted before, then stops the thread. */
  @Override
  public void close() {
    if (thread.isAlive()) {
      queue.add(stop);
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void loop() {
    List<Object> taken = new ArrayList<>();
    boolean stopping = false;
    while (!stopping) {
      try {
        Object first = queue.poll(idlePeriod.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
          batches.idle();
          continue;
        }
        taken.add(first);
        queue.drainTo(taken, MAX_BATCH);
        stopping = taken.remove(stop);
        write(taken);
        taken.clear();
      } catch (InterruptedException e) {
        stopping = true;
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, Thread.currentThread().getName() + ": " + e.getMessage(), e);
        taken.clear();
      }
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
