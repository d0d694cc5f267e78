package io.configurableagents.runtime;

import static io.configurableagents.runtime.RunApiProcessIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.configurableagents.runtime.jobs.postgres.PostgresServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared job store's database stopped and started again while three replicas are under load:
 * no accepted run is lost or run twice, {@code POST /run} answers 503 with {@code Retry-After}
 * meanwhile and readiness says why, and every replica recovers by itself.
 */
class DatabaseOutageIT {
  private static final String JSON = "application/json";
  private static final int CLIENTS = 12;

  @TempDir Path dir;
  private PostgresServer postgres;
  private FakeOpenAi fake;

  /** One answer to {@code POST /run}. */
  private record Answer(int status, String message, JsonNode body, boolean retryAfter) {}

  @BeforeEach
  void setUp() {
    postgres = PostgresServer.start();
    fake = FakeOpenAi.start(Duration.ofMillis(200));
  }

  @AfterEach
  void tearDown() {
    fake.close();
    postgres.close();
  }

  @Test
  void whileTheDatabaseIsDownRunsAnswer503ThenEveryReplicaRecoversAndNoRunIsLost() throws Exception {
    Map<String, String> env =
        SharedStoreReplicas.environment(EchoWorkflow.write(dir, fake), dir.resolve("data"), postgres, postgres.createDatabase());
    // a short lease, shorter than the outage: leases expire meanwhile, yet no replica takes over another's runs
    env.put("JOB_LEASE_SECONDS", "3");
    Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    Map<Integer, String> readinessReasons = new ConcurrentHashMap<>();
    AtomicBoolean loading = new AtomicBoolean(true);
    try (SharedStoreReplicas replicas = SharedStoreReplicas.startAtOnce(3, env, dir)) {
      try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int c = 0; c < CLIENTS; c++) {
          ServerProcess replica = replicas.get(c % 3);
          String client = "client " + c;
          clients.submit(() -> post(replica, client, loading, answers));
        }
        try {
          loadUntilStartedAndRecovered(replicas, answers, readinessReasons);
        } finally {
          loading.set(false);
        }
      }


      assertThat(readinessReasons.values()).allSatisfy(reason -> assertThat(reason).startsWith("job store unavailable: "));
      assertThat(answers).extracting(Answer::status).containsAnyOf(200).doesNotContain(-1).isSubsetOf(200, 202, 503);
      // the load's clients mostly wait on their runs in flight meanwhile; a new run on each replica is refused
      assertThat(answers).filteredOn(a -> a.message().startsWith("during the outage")).hasSize(3)
          .allSatisfy(a -> assertThat(a.status()).isEqualTo(503));
      assertThat(answers).filteredOn(a -> a.status() == 503)
          .allSatisfy(a -> {
            assertThat(a.retryAfter()).as("503 with Retry-After").isTrue();
            assertThat(a.body().at("/error/type").asText()).isEqualTo("job_store_unavailable");
          });
      List<Answer> accepted = answers.stream().filter(a -> a.status() == 200 || a.status() == 202).toList();
      // every accepted run is in the store, completed, on every replica; none was run twice or lost
      for (Answer answer : accepted) {
        String id = answer.body().get("job_id").asText();
        for (ServerProcess replica : replicas.all()) {
          JsonNode job = json(replica.get("/status/" + id));
          assertThat(job.get("status").asText()).as("job " + id).isEqualTo("completed");
          assertThat(job.at("/outputs/result").asText()).isEqualTo(answer.message());
        }
      }
      assertThat(fake.requests()).as("one provider request per accepted run").isEqualTo(accepted.size());
    }
  }

  /**
   * Once every replica answered runs (cold JVMs on a busy machine take a while), stops the database
   * for 5 s (longer than the lease), then waits until every replica is ready and runs again.
   */
  private void loadUntilStartedAndRecovered(SharedStoreReplicas replicas, Queue<Answer> answers, Map<Integer, String> reasons)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (answers.stream().filter(a -> a.status() == 200).count() < 3 * CLIENTS) {
      assertThat(System.nanoTime()).as("runs succeed before the outage").isLessThan(deadline);
      Thread.sleep(100);
    }
    postgres.stop();
    long stoppedAt = System.nanoTime();
    try {
      for (int i = 0; i < 3; i++) {
        reasons.put(i, awaitNotReady(replicas.get(i)));
        post(replicas.get(i), "during the outage " + i, answers);
      }
      Thread.sleep(Math.max(0, 5_000 - Duration.ofNanos(System.nanoTime() - stoppedAt).toMillis()));
    } finally {
      postgres.startServer();
    }
    for (ServerProcess replica : replicas.all()) {
      awaitRecovered(replica, answers);
    }
    Thread.sleep(1_000);
  }

  private static void post(ServerProcess replica, String client, AtomicBoolean loading, Queue<Answer> answers) {
    int n = 0;
    while (loading.get()) {
      try {
        if (post(replica, client + " run " + n++, answers) == 503) {
          Thread.sleep(200);
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** One run; its answer is recorded (-1: no answer). */
  private static int post(ServerProcess replica, String message, Queue<Answer> answers) {
    try {
      HttpResponse<String> response = replica.post("/run", JSON, "{\"message\": \"" + message + "\"}");
      answers.add(new Answer(response.statusCode(), message, json(response), response.headers().firstValue("Retry-After").isPresent()));
      return response.statusCode();
    } catch (Exception e) {
      answers.add(new Answer(-1, message + ": " + e, null, false));
      return -1;
    }
  }

  /** Waits until readiness is DOWN; returns its reason. */
  private static String awaitNotReady(ServerProcess replica) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (true) {
      HttpResponse<String> ready = replica.get("/observe/health/ready");
      if (ready.statusCode() == 503) {
        return json(ready).at("/checks/0/data/reason").asText();
      }
      assertThat(System.nanoTime()).as("readiness DOWN within 5 s of the database stopping").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /** Waits until readiness is UP again and a run succeeds. */
  private static void awaitRecovered(ServerProcess replica, Queue<Answer> answers) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int attempt = 0;
    while (replica.get("/observe/health/ready").statusCode() != 200
        || post(replica, "recovery check " + replica.port() + "-" + attempt++, answers) != 200) {
      assertThat(System.nanoTime()).as("recovered within 30 s of the database starting").isLessThan(deadline);
      Thread.sleep(200);
    }
  }
}
