package io.configurableagents.runtime.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.model.Workflow;
import io.configurableagents.runtime.engine.RunControl;
import io.configurableagents.runtime.engine.RunListener;
import io.configurableagents.runtime.engine.RunResult;
import io.configurableagents.runtime.engine.WorkflowEngine;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exporter whose target is down (a closed port) or hangs (accepts and never answers) must not
 * change how long runs take: the Python tool hung 30-60 s there. Runs are timed with the exporter
 * off, then with each broken target; the slowest run with a broken target must stay far below the
 * export timeout (a run that waited would take all of it), and the figures are printed.
 */
class ExportNeverSlowsARunTest {
  private static final int RUNS = 100;
  @TempDir Path dir;

  /** Accepts connections and never reads or answers. */
  static final class BlackHole implements AutoCloseable {
    final ServerSocket server;
    final List<Socket> held = new CopyOnWriteArrayList<>();

    BlackHole() throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread.ofVirtual().start(() -> {
        try {
          while (true) {
            held.add(server.accept());
          }
        } catch (IOException closed) {
          // stopped
        }
      });
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket s : held) {
        s.close();
      }
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private long[] timeRuns(Map<String, String> env, Path data) {
    Workflow workflow = TraceFixtures.load(TraceFixtures.TWO_NODES);
    try (Tracing tracing = Tracing.start(workflow, data, env, Clock.systemUTC())) {
      WorkflowEngine engine = WorkflowEngine.create(workflow, TraceFixtures.OPTIONS, spec -> ScriptedLlm.replying("{\"result\": \"x\"}"));
      long[] nanos = new long[RUNS];
      for (int i = 0; i < RUNS; i++) {
        long start = System.nanoTime();
        RunResult result = engine.run("job-" + i, engine.prepareInputs(Map.of("topic", "t")), RunControl.create(), tracing.recorder());
        nanos[i] = System.nanoTime() - start;
        assertThat(result).isInstanceOf(RunResult.Succeeded.class);
      }
      long closing = System.nanoTime();
      tracing.exporter().ifPresent(exporter -> exporter.close(Duration.ofSeconds(1)));
      assertThat(Duration.ofNanos(System.nanoTime() - closing)).as("shutting the exporter down").isLessThan(Duration.ofSeconds(3));
      return nanos;
    }
  }

  private long[] timeRunsUntraced() {
    Workflow workflow = TraceFixtures.load(TraceFixtures.TWO_NODES);
    WorkflowEngine engine = WorkflowEngine.create(workflow, TraceFixtures.OPTIONS, spec -> ScriptedLlm.replying("{\"result\": \"x\"}"));
    long[] nanos = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      engine.run("job-" + i, engine.prepareInputs(Map.of("topic", "t")), RunControl.create(), RunListener.NONE);
      nanos[i] = System.nanoTime() - start;
    }
    return nanos;
  }

  @Test
  void aClosedPortOrAServerThatNeverAnswersLeavesRunLatencyUnchanged() throws IOException {
    long[] warmUp = timeRuns(Map.of(), dir.resolve("warm-up"));
    long[] untraced = timeRunsUntraced();
    long[] off = timeRuns(Map.of(), dir.resolve("off"));
    long[] closed = timeRuns(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + closedPort()), dir.resolve("closed"));
    long[] hanging;
    try (BlackHole hole = new BlackHole()) {
      hanging = timeRuns(Map.of("MLFLOW_TRACKING_URI", "http://127.0.0.1:" + hole.server.getLocalPort(),
          "OTEL_EXPORTER_OTLP_TIMEOUT", "10000"), dir.resolve("hanging"));
      assertThat(hole.held).as("the exporter did try the server that never answers").isNotEmpty();
    }

    System.out.printf("run latency over %d runs (median / max ms): not traced %.2f / %.2f, traced with export off %.2f / %.2f, closed port %.2f / %.2f, "
        + "server that never answers %.2f / %.2f%n", RUNS, median(untraced), max(untraced), median(off), max(off), median(closed), max(closed), median(hanging), max(hanging));
    assertThat(warmUp).hasSize(RUNS);
    // a run that waited for the export would take the whole timeout (10 s) or a connection attempt;
    // the limit leaves room for a loaded 2-core machine's pauses
    Duration limit = Duration.ofSeconds(2);
    assertThat(Duration.ofNanos(Arrays.stream(closed).max().orElseThrow())).isLessThan(limit);
    assertThat(Duration.ofNanos(Arrays.stream(hanging).max().orElseThrow())).isLessThan(limit);
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e6;
  }

  private static double max(long[] nanos) {
    return Arrays.stream(nanos).max().orElseThrow() / 1e6;
  }
}
