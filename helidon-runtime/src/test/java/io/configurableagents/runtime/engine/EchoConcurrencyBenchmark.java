package io.configurableagents.runtime.engine;

import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.yaml.WorkflowLoader;
import io.configurableagents.runtime.llm.Environment;
import io.configurableagents.runtime.llm.LlmClientOptions;
import io.configurableagents.runtime.llm.LlmClients;
import io.configurableagents.runtime.llm.fake.FakeProviderMain;
import io.configurableagents.runtime.llm.fake.FakeProviderServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prints what N concurrent runs of the conformance corpus's {@code echo.yaml} take through the
 * real OpenAI client against a fake OpenAI-compatible server that answers each request after a
 * delay: wall time, run latency p50/p99, runs that succeeded, the requests the fake counted, CPU
 * time of both JVMs, heap in use. The fake runs in a JVM of its own ({@link FakeProviderMain}), so that this JVM's heap
 * (run it with {@code -Xmx256m}) holds the runtime's side only, as in production; both share the
 * machine's cores. A first round warms up (class loading, JIT, connections); three more are
 * measured, one after the other.
 *
 * <p>Run (see docs/performance.md): {@code ./mvnw -B -q -pl helidon-runtime -am verify -DskipTests
 * -Pbenchmark -Dbenchmark.class=io.configurableagents.runtime.engine.EchoConcurrencyBenchmark
 * [-Dbenchmark.args="2000 1000"]} (runs, delay in ms).
 */
public final class EchoConcurrencyBenchmark {
  private static final Path CORPUS = Path.of(System.getProperty("conformance.dir", "../../shared/conformance"));

  private static final int MEASURED_ROUNDS = 3;

  private EchoConcurrencyBenchmark() {}

  /** What one round measured. */
  record Figures(
      int runs, int succeeded, long requests, Duration wall, Duration p50, Duration p99, Duration runtimeCpu, Duration fakeCpu) {
    @Override
    public String toString() {
      return String.format(
          "%d concurrent runs of echo.yaml: %d succeeded, fake counted %d requests, wall %d ms, run latency p50 %d ms,"
              + " p99 %d ms; CPU time: runtime JVM %d ms (%.2f ms per run), fake JVM %d ms",
          runs, succeeded, requests, wall.toMillis(), p50.toMillis(), p99.toMillis(), runtimeCpu.toMillis(),
          runtimeCpu.toNanos() / 1e6 / runs, fakeCpu.toMillis());
    }
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    long delayMs = args.length > 1 ? Long.parseLong(args[1]) : 1000;
    System.out.printf("load average before: %.2f, max heap %d MB, %d cores%n", loadAverage(),
        Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
    Process fakeProcess = startFake(delayMs);
    try (BufferedReader out = new BufferedReader(new InputStreamReader(fakeProcess.getInputStream()));
        LlmClients clients = LlmClients.create(Environment.of(Map.of("OPENAI_API_KEY", "sk-bench-0123")), LlmClientOptions.DEFAULT)) {
      String baseUrl = awaitListening(out);
      WorkflowEngine engine = WorkflowEngine.create(echoAt(baseUrl), EngineOptions.DEFAULT, clients);
      System.out.println("warm-up:    " + round(engine, baseUrl, runs, fakeProcess));
      for (int i = 1; i <= MEASURED_ROUNDS; i++) {
        System.out.printf("measured %d: %s (load average %.2f)%n", i, round(engine, baseUrl, runs, fakeProcess), loadAverage());
      }
      Runtime rt = Runtime.getRuntime();
      System.out.printf("heap in use after: %d MB; load average after: %.2f%n", (rt.totalMemory() - rt.freeMemory()) >> 20, loadAverage());
    } finally {
      fakeProcess.destroy();
    }
  }

  /** echo.yaml as it is, with {@code config.llm} pointing it at the fake as an OpenAI-compatible server. */
  static Workflow echoAt(String baseUrl) throws IOException {
    String yaml = Files.readString(CORPUS.resolve("reference/echo.yaml"));
    String config = "\nconfig:\n  llm: {provider: openai, model: gpt-4o-mini, api_base: \"" + baseUrl + "/v1\"}\n";
    return WorkflowLoader.fromString("echo.yaml", yaml + config).load();
  }

  static Figures round(WorkflowEngine engine, String baseUrl, int runs, Process fake) throws Exception {
    long requestsBefore = requestCount(baseUrl);
    Duration cpuBefore = cpu(ProcessHandle.current());
    Duration fakeCpuBefore = cpu(fake.toHandle());
    List<Future<Long>> futures = new ArrayList<>(runs);
    long start = System.nanoTime();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < runs; i++) {
        String id = "run-" + i;
        futures.add(executor.submit(() -> timedRun(engine, id)));
      }
    }
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    List<Long> latencies = new ArrayList<>();
    for (Future<Long> f : futures) {
      if (f.state() == Future.State.SUCCESS && f.resultNow() >= 0) {
        latencies.add(f.resultNow());
      }
    }
    latencies.sort(null);
    long requests = requestCount(baseUrl) - requestsBefore;
    Duration runtimeCpu = cpu(ProcessHandle.current()).minus(cpuBefore);
    Duration fakeCpu = cpu(fake.toHandle()).minus(fakeCpuBefore);
    return new Figures(
        runs, latencies.size(), requests, wall, percentile(latencies, 50), percentile(latencies, 99), runtimeCpu, fakeCpu);
  }

  /** The run's latency in nanoseconds, or -1 when it did not succeed. */
  private static long timedRun(WorkflowEngine engine, String id) {
    long start = System.nanoTime();
    RunResult result = engine.run(id, engine.prepareInputs(Map.of("message", "Hello " + id)), RunControl.create(), event -> {});
    long took = System.nanoTime() - start;
    if (!(result instanceof RunResult.Succeeded s) || !("Hello " + id).equals(s.outputs().get("message"))) {
      System.out.println("run " + id + " did not succeed: " + result);
      return -1;
    }
    return took;
  }

  private static Process startFake(long delayMs) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java, "-cp", System.getProperty("java.class.path"), FakeProviderMain.class.getName(), "--delay-ms", String.valueOf(delayMs))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static String awaitListening(BufferedReader out) throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("fake provider listening on ")) {
        return line.substring("fake provider listening on ".length()).strip();
      }
    }
    throw new IllegalStateException("the fake provider did not start");
  }

  private static long requestCount(String baseUrl) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response =
          http.send(HttpRequest.newBuilder(URI.create(baseUrl + FakeProviderServer.COUNT_PATH)).build(), HttpResponse.BodyHandlers.ofString());
      return Long.parseLong(response.body().strip());
    }
  }

  private static Duration percentile(List<Long> sorted, int p) {
    return sorted.isEmpty() ? Duration.ZERO : Duration.ofNanos(sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)));
  }

  private static Duration cpu(ProcessHandle process) {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
