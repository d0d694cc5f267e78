package io.configurableagents.runtime;

import static io.configurableagents.runtime.RunApiProcessIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory is bounded by configuration, not by traffic: hundreds of runs whose input is a 500 KB
 * string, against the packaged jar with a 128 MB heap and the default retention. The jobs keep
 * their outputs on disk (the status API reads them back, also after a restart), traces keep the
 * beginning of large values, and the heap after a full collection stays where it was after the
 * first runs.
 */
class LargeInputsIT {
  private static final String JSON = "application/json";
  private static final int INPUT_CHARS = 500_000;
  private static final int WARM_UP_RUNS = 40;
  private static final int RUNS = 300;
  private static final int CLIENTS = 4;
  /** What the heap after a full collection may grow by from the warm-up to the end. */
  private static final long MAX_GROWTH = 20L << 20;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path dir;
  private FakeOpenAi fake;
  private Map<String, String> env;
  private int tracesPort;

  @BeforeEach
  void setUp() throws Exception {
    fake = FakeOpenAi.start(Duration.ZERO);
    env = EchoWorkflow.environment(EchoWorkflow.write(dir, fake), dir.resolve("data"));
    tracesPort = freePort();
    env.put("TRACES_PORT", String.valueOf(tracesPort));
  }

  @AfterEach
  void tearDown() {
    fake.close();
  }

  @Test
  void hundredsOfRunsWithHalfAMegabyteInputsKeepTheHeapFlatAndEveryOutputReadable() throws Exception {
    List<String> ids = new ArrayList<>();
    long afterWarmUp;
    long atEnd;
    try (ServerProcess server = ServerProcess.start(env, dir.resolve("first.log"), List.of("-Xmx128m"))) {
      ids.addAll(runs(server, 0, WARM_UP_RUNS));
      afterWarmUp = server.heapAfterGc();
      ids.addAll(runs(server, WARM_UP_RUNS, RUNS));
      atEnd = server.heapAfterGc();
      System.out.printf("heap after GC: %.1f MB after %d runs, %.1f MB after %d runs%n",
          afterWarmUp / 1048576.0, WARM_UP_RUNS, atEnd / 1048576.0, RUNS);

      assertThat(server.get("/health").statusCode()).isEqualTo(200);
      assertThat(atEnd - afterWarmUp)
          .as("heap after GC grew from %d MB after %d runs to %d MB after %d runs",
              afterWarmUp >> 20, WARM_UP_RUNS, atEnd >> 20, RUNS)
          .isLessThan(MAX_GROWTH);
      assertFullOutputs(server, ids.getFirst(), 0);

      JsonNode trace = traceOf(ids.getFirst());
      String tracedInput = trace.at("/inputs/message").asText();
      assertThat(tracedInput).hasSizeLessThan(70_000).startsWith(message(0).substring(0, 1_000));
      assertThat(tracedInput).endsWith("[truncated: " + message(0).length() + " chars]");
      server.kill();
    }

    try (ServerProcess again = ServerProcess.start(env, dir.resolve("second.log"), List.of("-Xmx128m"))) {
      assertFullOutputs(again, ids.getLast(), RUNS - 1);
      assertFullOutputs(again, ids.get(RUNS / 2), RUNS / 2);
    }
  }

  /**
   * A flood of runs that outlive their requests (async, against a provider answering after 3 s)
   * cannot hold more inputs in memory than the budget: past it, 503 with Retry-After; the server
   * stays up and every accepted run completes.
   */
  @Test
  void aFloodOfAsyncRunsWithLargeInputsIsRefusedPastTheBudgetInsteadOfRunningOutOfHeap() throws Exception {
    fake.delay(Duration.ofSeconds(3));
    int flood = 300;
    List<HttpResponse<String>> answers = new ArrayList<>();
    try (ServerProcess server = ServerProcess.start(env, dir.resolve("flood.log"), List.of("-Xmx128m"))) {
      try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        for (int n = 0; n < flood; n++) {
          String body = "{\"message\": \"" + message(n) + "\"}";
          sent.add(clients.submit(() -> server.post("/run", JSON, body, Map.of("Prefer", "respond-async"))));
        }
        for (Future<HttpResponse<String>> answer : sent) {
          answers.add(answer.get());
        }
      }
      List<String> accepted = new ArrayList<>();
      int refused = 0;
      for (HttpResponse<String> answer : answers) {
        if (answer.statusCode() == 202) {
          accepted.add(json(answer).get("job_id").asText());
        } else {
          assertThat(answer.statusCode()).as("a run neither accepted nor refused: %.300s", answer.body()).isEqualTo(503);
          assertThat(answer.headers().firstValue("Retry-After")).isPresent();
          assertThat(json(answer).at("/error/type").asText()).isEqualTo("busy");
          assertThat(json(answer).at("/error/message").asText()).contains("MAX_INPUT_BYTES_IN_FLIGHT");
          refused++;
        }
      }
      System.out.printf("flood of %d async runs of 500 KB at -Xmx128m: %d accepted, %d refused (503)%n",
          flood, accepted.size(), refused);
      assertThat(refused).as("runs refused past the budget").isPositive();
      assertThat(accepted).as("runs accepted within the budget").isNotEmpty();
      for (String id : accepted) {
        assertThat(server.awaitFinished(id, Duration.ofMinutes(1)).get("status").asText()).as("job %s", id).isEqualTo("completed");
      }
      assertThat(server.get("/health").statusCode()).isEqualTo(200);
      assertThat(server.post("/run", JSON, "{\"message\": \"after the flood\"}").statusCode()).isEqualTo(200);
    }
  }

  /**
   * Runs {@code from} to {@code to} (exclusive) on {@link #CLIENTS} clients; each must answer 200
   * with its outputs. The first failure stops every client (a server that stopped answering must
   * not keep the test waiting).
   */
  private List<String> runs(ServerProcess server, int from, int to) throws Exception {
    String[] ids = new String[to - from];
    AtomicInteger next = new AtomicInteger(from);
    try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        done.add(clients.submit(() -> {
          for (int n = next.getAndIncrement(); n < to; n = next.getAndIncrement()) {
            HttpResponse<String> response = server.post("/run", JSON, "{\"message\": \"" + message(n) + "\"}");
            if (response.statusCode() != 200) {
              next.set(to);
            }
            assertThat(response.statusCode()).as("run %d: %.300s", n, response.body()).isEqualTo(200);
            JsonNode body = json(response);
            assertThat(body.at("/outputs/result").asText()).as("run %d's result", n).isEqualTo(message(n));
            ids[n - from] = body.get("job_id").asText();
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }
    return List.of(ids);
  }

  private static void assertFullOutputs(ServerProcess server, String id, int run) throws Exception {
    HttpResponse<String> status = server.get("/status/" + id);
    assertThat(status.statusCode()).as("GET /status/%s: %.300s", id, status.body()).isEqualTo(200);
    JsonNode job = json(status);
    assertThat(job.get("status").asText()).isEqualTo("completed");
    assertThat(job.at("/outputs/message").asText()).isEqualTo(message(run));
    assertThat(job.at("/outputs/result").asText()).isEqualTo(message(run));
  }

  /** A different input of 500,000 characters and a few for each run. */
  private static String message(int run) {
    return "x".repeat(INPUT_CHARS) + " " + run;
  }

  private JsonNode traceOf(String id) throws Exception {
    HttpResponse<String> response = HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + tracesPort + "/api/runs/" + id)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("the trace of %s: %.300s", id, response.body()).isEqualTo(200);
    return json(response);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
