package io.configurableagents.runtime;

import static io.configurableagents.runtime.RunApiProcessIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs outlive the process: restarts, {@code kill -9} in the middle of writes, and SIGTERM with runs in flight. */
class JobsSurviveRestartIT {
  private static final String JSON = "application/json";

  @TempDir Path dir;
  private FakeOpenAi fake;
  private Map<String, String> env;

  @BeforeEach
  void setUp() throws Exception {
    fake = FakeOpenAi.start(Duration.ZERO);
    env = EchoWorkflow.environment(EchoWorkflow.write(dir, fake), dir.resolve("data"));
  }

  @AfterEach
  void tearDown() {
    fake.close();
  }

  @Test
  void afterACrashFinishedJobsAreReadableAndTheRunningOneIsFailedNotRerun() throws Exception {
    String finished;
    String running;
    try (ServerProcess server = ServerProcess.start(env, dir.resolve("first.log"))) {
      finished = json(server.post("/run", JSON, "{\"message\": \"done before\"}")).get("job_id").asText();
      fake.delay(Duration.ofSeconds(60));
      running = json(server.post("/run?wait=0", JSON, "{\"message\": \"cut short\"}")).get("job_id").asText();
      awaitProviderRequests(2);
      server.kill();
    }
    fake.delay(Duration.ZERO);

    try (ServerProcess server = ServerProcess.start(env, dir.resolve("second.log"))) {
      JsonNode before = json(server.get("/status/" + finished));
      JsonNode cut = json(server.get("/status/" + running));

      assertThat(before.get("status").asText()).isEqualTo("completed");
      assertThat(before.at("/outputs/result").asText()).isEqualTo("done before");
      assertThat(cut.get("status").asText()).isEqualTo("failed");
      assertThat(cut.at("/error/message").asText()).isEqualTo("interrupted by restart");
      assertThat(server.output()).contains("1 marked interrupted by restart");
      Thread.sleep(1_000);
      assertThat(fake.requests()).as("provider requests: the interrupted run is never run again").isEqualTo(2);
    }
  }

  @Test
  void killMinus9DuringWritesLeavesNoUnreadableJob() throws Exception {
    Queue<String> answered = new ConcurrentLinkedQueue<>();
    for (int round = 0; round < 3; round++) {
      try (ServerProcess server = ServerProcess.start(env, dir.resolve("round" + round + ".log"));
          ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
        // one run first: the JVM is cold and the provider client not yet made
        answered.add(json(server.post("/run", JSON, "{\"message\": \"warm-up\"}")).get("job_id").asText());
        List<Future<?>> load = new ArrayList<>();
        for (int c = 0; c < 32; c++) {
          load.add(clients.submit(() -> postUntilRefused(server, answered)));
        }
        // kill once the load is well under way, at a random moment within the writes
        int target = answered.size() + 30;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (answered.size() < target && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        Thread.sleep(ThreadLocalRandom.current().nextInt(200));
        server.kill();
        for (Future<?> f : load) {
          f.get();
        }
      }
    }
    assertThat(answered).hasSizeGreaterThanOrEqualTo(3 * 30);

    try (ServerProcess server = ServerProcess.start(env, dir.resolve("after.log"))) {
      for (String id : answered) {
        HttpResponse<String> status = server.get("/status/" + id);
        assertThat(status.statusCode()).as("job " + id).isEqualTo(200);
        assertThat(json(status).get("status").asText()).isIn("completed", "failed");
      }
    }
  }

  @Test
  void sigtermLetsRunsInFlightFinishAndRecordsTheRestAsInterrupted() throws Exception {
    env.put("SHUTDOWN_GRACE", "4");
    fake.delay(Duration.ofMillis(1_500));
    try (ServerProcess server = ServerProcess.start(env, dir.resolve("first.log"));
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<HttpResponse<String>>> inFlight = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        String body = "{\"message\": \"in flight " + i + "\"}";
        inFlight.add(clients.submit(() -> server.post("/run", JSON, body)));
      }
      awaitProviderRequests(5);
      fake.delay(Duration.ofSeconds(60));
      String tooSlow = json(server.post("/run?wait=0", JSON, "{\"message\": \"too slow\"}")).get("job_id").asText();
      awaitProviderRequests(6);

      int exit = server.terminate(Duration.ofSeconds(15));

      for (Future<HttpResponse<String>> f : inFlight) {
        assertThat(f.get().statusCode()).as(f.get().body()).isEqualTo(200);
      }
      assertThat(exit).isEqualTo(143);
      assertThat(server.output()).contains("shutting down");
      fake.delay(Duration.ZERO);
      try (ServerProcess again = ServerProcess.start(env, dir.resolve("second.log"))) {
        JsonNode slow = json(again.get("/status/" + tooSlow));
        assertThat(slow.get("status").asText()).isEqualTo("failed");
        assertThat(slow.at("/error/message").asText()).startsWith("interrupted by shutdown");
      }
    }
  }

  private static void postUntilRefused(ServerProcess server, Queue<String> answered) {
    int n = 0;
    while (true) {
      try {
        HttpResponse<String> response = server.post("/run", JSON, "{\"message\": \"n" + n++ + "\"}");
        answered.add(json(response).get("job_id").asText());
      } catch (Exception e) {
        return;
      }
    }
  }

  private void awaitProviderRequests(long count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (fake.requests() < count) {
      assertThat(System.nanoTime()).as("the provider got " + count + " request(s) within 30 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
