package io.configurableagents.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts a process, reads both its outputs to the end and waits for it, within a time limit. */
final class ProcessRunner {
  private ProcessRunner() {}

  /** Thrown when the process did not end in time (it has been killed). */
  static final class TimedOut extends Exception {
    private static final long serialVersionUID = 1L;
  }

  /**
   * @throws IOException when the process cannot be started (e.g. no such executable)
   * @throws TimedOut when it ran past {@code timeout}
   */
  static ProcessResult run(ProcessBuilder builder, Duration timeout) throws IOException, TimedOut {
    return run(builder, builder.command(), timeout);
  }

  /** As {@link #run(ProcessBuilder, Duration)}, naming the process {@code command} in results and messages. */
  static ProcessResult run(ProcessBuilder builder, List<String> command, Duration timeout)
      throws IOException, TimedOut {
    Process process = builder.start();
    try {
      process.getOutputStream().close();
      Reader out = Reader.start(process.getInputStream());
      Reader err = Reader.start(process.getErrorStream());
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new TimedOut();
      }
      return new ProcessResult(command, process.exitValue(), out.text(), err.text());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw DeployException.environment("interrupted while running " + ProcessResult.display(command), e);
    }
  }

  /** Reads a stream to its end on its own thread, so that a full pipe never blocks the process. */
  private static final class Reader {
    private final Thread thread;
    private volatile String text = "";
    private volatile IOException failure;

    private Reader(InputStream in) {
      this.thread = new Thread(() -> read(in), "process-output");
      thread.setDaemon(true);
    }

    static Reader start(InputStream in) {
      Reader reader = new Reader(in);
      reader.thread.start();
      return reader;
    }

    private void read(InputStream in) {
      try (in) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        failure = e;
      }
    }

    String text() throws InterruptedException, IOException {
      thread.join();
      if (failure != null) {
        throw failure;
      }
      return text;
    }
  }
}
