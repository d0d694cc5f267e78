package io.configurableagents.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A container's log as {@code docker logs} prints it, handed line by line to a callback while it
 * comes (what the container wrote to stdout and to stderr, each line whole; one line at a time).
 * It ends when {@code docker logs} does: once every line is out, or, when following, once the
 * container stops; {@link #cancel} ends it at once (the console's "close", Maven's Ctrl-C).
 */
public final class LogFollower implements AutoCloseable {
  private final Process process;
  private final Thread stdout;
  private final Thread stderr;
  private Thread shutdownHook;

  private LogFollower(Process process, Consumer<String> lines) {
    this.process = process;
    Object oneLineAtATime = new Object();
    Consumer<String> serial = line -> {
      synchronized (oneLineAtATime) {
        lines.accept(line);
      }
    };
    this.stdout = reader(process.getInputStream(), serial, "docker-logs-stdout");
    this.stderr = reader(process.getErrorStream(), serial, "docker-logs-stderr");
  }

  /** Starts {@code docker logs} with {@code args} (the options and the container's name). */
  static LogFollower start(DockerCli docker, List<String> args, Consumer<String> lines) {
    return new LogFollower(docker.start(args), lines);
  }

  private static Thread reader(InputStream in, Consumer<String> lines, String name) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          lines.accept(line);
        }
      } catch (IOException e) {
        // the process was ended (cancel): nothing more to read
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Waits until the log ends (or {@link #cancel}), every line handed over. */
  public void await() throws InterruptedException {
    process.waitFor();
    stdout.join();
    stderr.join();
  }

  /** As {@link #await()}, for at most {@code timeout}; true when the log ended. */
  public boolean await(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
      return false;
    }
    stdout.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    stderr.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    return !stdout.isAlive() && !stderr.isAlive();
  }

  /** Whether {@code docker logs} still runs. */
  public boolean isRunning() {
    return process.isAlive();
  }

  /** Ends it now; lines already read may still arrive. */
  public void cancel() {
    process.destroy();
  }

  /**
   * Cancels it when this JVM exits (Ctrl-C in a terminal), so that no {@code docker logs} process
   * is left behind; {@link #close} takes that back.
   */
  public synchronized LogFollower cancelOnExit() {
    if (shutdownHook == null) {
      shutdownHook = new Thread(process::destroy, "docker-logs-cancel");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
    return this;
  }

  /** Cancels it (when it still runs). */
  @Override
  public synchronized void close() {
    cancel();
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // the JVM is exiting: the hook runs anyway
      }
      shutdownHook = null;
    }
  }
}
