package io.configurableagents.runtime.store;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stops the process when a part without which it cannot serve has failed (a store's writer
 * thread, including with an {@link Error} such as {@link OutOfMemoryError}): one line on stderr,
 * then exit code {@link #EXIT_CODE}, so that a restart policy (Docker's, Kubernetes') starts it
 * again rather than leaving it half alive. The shutdown hooks get {@link #HALT_AFTER_SECONDS}
 * seconds; when they do not finish (or the exit itself cannot start), the JVM is halted. See
 * {@code docs/runtime.md} ("When a part of the runtime fails").
 */
public final class FatalFailure {
  /** The exit code of a process stopped by a failure (2 is an invalid configuration). */
  public static final int EXIT_CODE = 3;
  static final long HALT_AFTER_SECONDS = 10;

  private static final AtomicBoolean STOPPING = new AtomicBoolean();

  /** What a failure does; the process's is {@link #stopProcess}, tests record it. */
  @FunctionalInterface
  public interface Handler {
    void failed(String what, Throwable cause);
  }

  private FatalFailure() {}

  /** Whether the process is stopping because of a failure (the graceful shutdown then waits for nothing). */
  public static boolean stopping() {
    return STOPPING.get();
  }

  /**
   * Prints {@code FATAL: <what> failed (<cause>); ...} on stderr and exits with {@link #EXIT_CODE}
   * on another thread (the caller may be one a shutdown hook waits for); only the first call counts.
   */
  public static void stopProcess(String what, Throwable cause) {
    if (!STOPPING.compareAndSet(false, true)) {
      return;
    }
    try {
      Thread.ofPlatform().daemon().name("fatal-halt").start(FatalFailure::haltLater);
      System.err.println("FATAL: " + what + " failed (" + cause.getClass().getSimpleName() + ": " + cause.getMessage()
          + "); the process exits with code " + EXIT_CODE
          + " so that it is restarted");
      System.err.flush();
      Thread.ofPlatform().name("fatal-exit").start(() -> System.exit(EXIT_CODE));
    } catch (Throwable nothingLeft) {
      // no memory for a message or a thread: stop at once
      Runtime.getRuntime().halt(EXIT_CODE);
    }
  }

  /**
   * Makes a {@link VirtualMachineError} (such as {@link OutOfMemoryError}) that ends any thread
   * stop the process, as {@code -XX:+ExitOnOutOfMemoryError} would (the image sets it; {@code java
   * -jar} does not). Other uncaught throwables are printed as the JVM prints them.
   */
  public static void stopOnUncaughtVmErrors() {
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
      if (e instanceof VirtualMachineError) {
        stopProcess("thread " + thread.getName(), e);
      } else {
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        e.printStackTrace();
      }
    });
  }

  private static void haltLater() {
    try {
      TimeUnit.SECONDS.sleep(HALT_AFTER_SECONDS);
    } catch (InterruptedException e) {
      // halt now
    }
    Runtime.getRuntime().halt(EXIT_CODE);
  }
}
