package io.configurableagents.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.configurableagents.runtime.jobs.JobJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traces of the packaged jar outlive the process: after a SIGKILL, the finished run is still
 * there with its spans, the run that was going shows as interrupted, and every job whose id was
 * handed out has a trace.
 */
class TracesSurviveRestartIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir Path dir;

  @Test
  void aKilledServerKeepsFinishedTracesAndMarksTheRunThatWasGoingInterrupted() throws Exception {
    try (FakeOpenAi fake = FakeOpenAi.start(Duration.ZERO)) {
      int tracesPort = freePort();
      Map<String, String> env = EchoWorkflow.environment(EchoWorkflow.write(dir, fake), dir.resolve("data"));
      env.put("TRACES_PORT", String.valueOf(tracesPort));
      String done;
      String going;
      try (ServerProcess server = ServerProcess.start(env, dir.resolve("first.log"))) {
        done = jobId(server.post("/run?wait=30", "application/json", "{\"message\": \"kept\"}"));
        fake.delay(Duration.ofSeconds(60));
        going = jobId(server.post("/run?wait=0", "application/json", "{\"message\": \"cut short\"}"));
        awaitRequests(fake, 2);
        assertThat(json(tracesPort, "/api/runs/" + going).at("/summary/status").asText()).isEqualTo("running");
        awaitCheckpoint(dir.resolve("data/traces"), going);
        server.kill();
      }
      fake.delay(Duration.ZERO);

      try (ServerProcess again = ServerProcess.start(env, dir.resolve("second.log"))) {
        JsonNode kept = json(tracesPort, "/api/runs/" + done);
        assertThat(kept.at("/summary/status").asText()).isEqualTo("completed");
        assertThat(kept.get("spans")).hasSize(2);
        assertThat(kept.at("/spans/1/prompt/text").asText()).contains("kept");
        assertThat(json(tracesPort, "/api/runs/" + going).at("/summary/status").asText()).isEqualTo("interrupted");
        assertThat(json(tracesPort, "/api/runs?status=interrupted").at("/runs/0/job_id").asText()).isEqualTo(going);
        assertThat(again.output()).contains("traces: 2 kept, 1 marked interrupted by restart");
      }
    }
  }

  @Test
  void everyAcknowledgedJobHasATraceAfterAKillDuringABurstOfAsyncRuns() throws Exception {
    try (FakeOpenAi fake = FakeOpenAi.start(Duration.ofMillis(300))) {
      int tracesPort = freePort();
      Map<String, String> env = EchoWorkflow.environment(EchoWorkflow.write(dir, fake), dir.resolve("data"));
      env.put("TRACES_PORT", String.valueOf(tracesPort));
      // most acknowledged runs wait for one of four slots: they have not started when the kill comes
      env.put("MAX_RUNS_IN_FLIGHT", "4");
      Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
      try (ServerProcess server = ServerProcess.start(env, dir.resolve("first.log"));
          ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int c = 0; c < 16; c++) {
          clients.submit(() -> postAsyncUntilRefused(server, acknowledged));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (acknowledged.size() < 120 && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        server.kill();
      }
      assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(120);

      try (ServerProcess again = ServerProcess.start(env, dir.resolve("second.log"))) {
        List<String> withoutTrace = new ArrayList<>();
        for (String id : acknowledged) {
          HttpResponse<String> trace = get(tracesPort, "/api/runs/" + id);
          if (trace.statusCode() != 200) {
            withoutTrace.add(id);
            continue;
          }
          JsonNode job = JobJson.MAPPER.readTree(again.get("/status/" + id).body());
          if ("interrupted".equals(job.at("/error/type").asText())) {
            assertThat(JobJson.MAPPER.readTree(trace.body()).at("/summary/status").asText()).as("the trace of " + id).isEqualTo("interrupted");
          }
        }
        assertThat(withoutTrace).as("acknowledged jobs without a trace, of " + acknowledged.size()).isEmpty();
      }
    }
  }

  private static void postAsyncUntilRefused(ServerProcess server, Queue<String> acknowledged) {
    for (int n = 0; ; n++) {
      try {
        HttpResponse<String> response =
            server.post("/run", "application/json", "{\"message\": \"burst " + n + "\"}", Map.of("Prefer", "respond-async"));
        acknowledged.add(jobId(response));
      } catch (Exception e) {
        return;
      }
    }
  }

  private static void awaitRequests(FakeOpenAi fake, long count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (fake.requests() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(fake.requests()).isGreaterThanOrEqualTo(count);
  }

  /** The checkpoint of a starting run is written in the background, right after it starts. */
  private static void awaitCheckpoint(Path tracesDir, String jobId) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!logHolds(tracesDir, jobId) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(logHolds(tracesDir, jobId)).as("the traces log holds a record of " + jobId).isTrue();
  }

  private static boolean logHolds(Path tracesDir, String jobId) throws IOException {
    try (var files = Files.list(tracesDir)) {
      for (Path segment : files.filter(f -> f.toString().endsWith(".log")).toList()) {
        if (Files.readString(segment).contains("\"job_id\":\"" + jobId + "\"")) {
          return true;
        }
      }
    }
    return false;
  }

  private static JsonNode json(int port, String path) throws IOException, InterruptedException {
    HttpResponse<String> response = get(port, path);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JobJson.MAPPER.readTree(response.body());
  }

  private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String jobId(HttpResponse<String> response) throws IOException {
    return JobJson.MAPPER.readTree(response.body()).get("job_id").asText();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
