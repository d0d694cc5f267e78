package io.configurableagents.runtime;

import static io.configurableagents.runtime.RunApiProcessIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.configurableagents.runtime.jobs.postgres.PostgresServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three runtime processes sharing one PostgreSQL job store (JOB_STORE_URL): any replica answers for
 * any job, a cancel reaches the replica running the job, a dead replica's jobs are marked
 * interrupted by another, the schema is created once, SIGTERM drains as with the embedded store.
 */
class SharedJobStoreIT {
  private static final String JSON = "application/json";
  private static PostgresServer postgres;

  @TempDir Path dir;
  private FakeOpenAi fake;
  private String url;
  private Map<String, String> env;

  @BeforeAll
  static void startPostgres() {
    postgres = PostgresServer.start();
  }

  @AfterAll
  static void stopPostgres() {
    postgres.close();
  }

  @BeforeEach
  void setUp() throws Exception {
    fake = FakeOpenAi.start(Duration.ZERO);
    url = postgres.createDatabase();
    env = SharedStoreReplicas.environment(EchoWorkflow.write(dir, fake), dir.resolve("data"), postgres, url);
  }

  @AfterEach
  void tearDown() {
    fake.close();
  }

  @Test
  void aJobSubmittedOnOneReplicaIsReadAndCancelledOnAnother() throws Exception {
    try (SharedStoreReplicas replicas = SharedStoreReplicas.startAtOnce(3, env, dir)) {
      ServerProcess a = replicas.get(0);
      ServerProcess b = replicas.get(1);
      ServerProcess c = replicas.get(2);

      JsonNode done = json(a.post("/run", JSON, "{\"message\": \"shared by all\"}"));
      String doneId = done.get("job_id").asText();
      JsonNode onA = json(a.get("/status/" + doneId));
      for (ServerProcess other : List.of(b, c)) {
        HttpResponse<String> status = other.get("/status/" + doneId);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(json(status)).as("the same document on every replica").isEqualTo(onA);
      }
      assertThat(onA.get("status").asText()).isEqualTo("completed");
      assertThat(onA.at("/outputs/result").asText()).isEqualTo("shared by all");

      fake.delay(Duration.ofSeconds(60));
      String slowId = json(a.post("/run?wait=0", JSON, "{\"message\": \"slow\"}")).get("job_id").asText();
      awaitProviderRequests(2);
      awaitStatus(c, slowId, "running");

      long cancelledAt = System.nanoTime();
      HttpResponse<String> cancel = b.delete("/status/" + slowId);
      assertThat(cancel.statusCode()).isEqualTo(200);
      assertThat(json(cancel).get("status").asText()).isEqualTo("cancelled");
      // replica A, which runs the job, hears of it: its own view turns cancelled
      while (!json(a.get("/status/" + slowId)).get("status").asText().equals("cancelled")) {
        assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt)).as("the cancel reached replica A").isLessThan(Duration.ofSeconds(1));
        Thread.sleep(20);
      }
      assertThat(json(c.get("/status/" + slowId)).get("status").asText()).isEqualTo("cancelled");
      HttpResponse<String> again = c.delete("/status/" + slowId);
      assertThat(again.statusCode()).as("cancelling again answers as the embedded store does").isEqualTo(200);
      assertThat(json(again).get("status").asText()).isEqualTo("cancelled");
      fake.delay(Duration.ZERO);
      String otherDone = json(b.post("/run?wait=30", JSON, "{\"message\": \"quick\"}")).get("job_id").asText();
      assertThat(c.delete("/status/" + otherDone).statusCode()).as("a completed job cannot be cancelled").isEqualTo(409);
      assertThat(c.get("/status/no-such-job").statusCode()).isEqualTo(404);
      assertThat(fake.requests()).isEqualTo(3);
    }
  }

  @Test
  void aReplicaKilledInTheMiddleOfARunHasItsJobMarkedInterruptedByAnotherWithinTheLease() throws Exception {
    int leaseSeconds = 3;
    env.put("JOB_LEASE_SECONDS", String.valueOf(leaseSeconds));
    try (SharedStoreReplicas replicas = SharedStoreReplicas.startAtOnce(3, env, dir)) {
      ServerProcess a = replicas.get(0);
      ServerProcess b = replicas.get(1);
      String killed = SharedStoreReplicas.replicaId(a);
      // a replica takes over others' jobs only once its own lease has been renewed for a whole lease period
      Thread.sleep(leaseSeconds * 1_000L);
      fake.delay(Duration.ofSeconds(60));
      String id = json(a.post("/run?wait=0", JSON, "{\"message\": \"cut short\"}")).get("job_id").asText();
      awaitProviderRequests(1);

      a.kill();
      long killedAt = System.nanoTime();
      JsonNode job = json(b.get("/status/" + id));
      while (!job.get("status").asText().equals("failed")) {
        assertThat(job.get("status").asText()).isEqualTo("running");
        assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).as("marked within the lease and a heartbeat")
            .isLessThan(Duration.ofSeconds(leaseSeconds + 2));
        Thread.sleep(100);
        job = json(b.get("/status/" + id));
      }

      assertThat(job.at("/error/type").asText()).isEqualTo("interrupted");
      assertThat(job.at("/error/message").asText()).isEqualTo("interrupted: replica " + killed + " stopped");
      assertThat(json(replicas.get(2).get("/status/" + id))).isEqualTo(job);
      Thread.sleep(2_000);
      assertThat(fake.requests()).as("provider requests: the interrupted run is never run again").isEqualTo(1);
    }
  }

  @Test
  void replicasStartedAtOnceOnAnEmptyDatabaseCreateTheSchemaOnce() throws Exception {
    try (SharedStoreReplicas replicas = SharedStoreReplicas.startAtOnce(3, env, dir)) {
      List<String> outputs = replicas.all().stream().map(ServerProcess::output).toList();

      assertThat(outputs).filteredOn(o -> o.contains("schema created at version 1")).hasSize(1);
      assertThat(outputs).filteredOn(o -> o.contains("schema at version 1, up to date")).hasSize(2);
      try (Connection connection = postgres.connect(url);
          Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT count(*) FROM agent_schema_version")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
      for (ServerProcess replica : replicas.all()) {
        assertThat(replica.post("/run", JSON, "{\"message\": \"hi\"}").statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  void sigtermLetsRunsInFlightFinishRecordsTheRestAsInterruptedAndGivesTheLeaseUp() throws Exception {
    env.put("SHUTDOWN_GRACE", "4");
    fake.delay(Duration.ofMillis(1_500));
    try (SharedStoreReplicas replicas = SharedStoreReplicas.startAtOnce(2, env, dir);
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      ServerProcess a = replicas.get(0);
      String stopping = SharedStoreReplicas.replicaId(a);
      List<Future<HttpResponse<String>>> inFlight = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String body = "{\"message\": \"in flight " + i + "\"}";
        inFlight.add(clients.submit(() -> a.post("/run", JSON, body)));
      }
      awaitProviderRequests(3);
      fake.delay(Duration.ofSeconds(60));
      String tooSlow = json(a.post("/run?wait=0", JSON, "{\"message\": \"too slow\"}")).get("job_id").asText();
      awaitProviderRequests(4);

      int exit = a.terminate(Duration.ofSeconds(20));

      assertThat(exit).isEqualTo(143);
      for (Future<HttpResponse<String>> f : inFlight) {
        assertThat(f.get().statusCode()).as(f.get().body()).isEqualTo(200);
        String id = json(f.get()).get("job_id").asText();
        assertThat(json(replicas.get(1).get("/status/" + id)).get("status").asText()).isEqualTo("completed");
      }
      JsonNode slow = json(replicas.get(1).get("/status/" + tooSlow));
      assertThat(slow.get("status").asText()).isEqualTo("failed");
      assertThat(slow.at("/error/message").asText()).startsWith("interrupted by shutdown");
      try (Connection connection = postgres.connect(url);
          PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM agent_replicas WHERE id = ?")) {
        statement.setString(1, stopping);
        try (ResultSet rs = statement.executeQuery()) {
          rs.next();
          assertThat(rs.getInt(1)).as("the stopped replica's lease is given up").isZero();
        }
      }
      assertThat(fake.requests()).isEqualTo(4);
    }
  }

  @Test
  void anUnreachableDatabaseAtStartStopsTheProcessWithAClearMessage() throws Exception {
    String unreachable = "jdbc:postgresql://127.0.0.1:1/jobs";
    env.put("JOB_STORE_URL", unreachable);
    env.put("JOB_STORE_PASSWORD", "s3cret-never-shown");
    Path log = dir.resolve("unreachable.log");

    int exit = ServerProcess.runToExit(env, log);

    String output = Files.readString(log);
    assertThat(exit).isEqualTo(2);
    assertThat(output)
        .contains("cannot connect to the job store database " + unreachable + " (JOB_STORE_URL) within 10 s")
        .contains("check that PostgreSQL runs and accepts connections there")
        .doesNotContain("s3cret-never-shown");
  }

  private static void awaitStatus(ServerProcess replica, String id, String status) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!json(replica.get("/status/" + id)).get("status").asText().equals(status)) {
      assertThat(System.nanoTime()).as("job " + id + " " + status + " within 5 s").isLessThan(deadline);
      Thread.sleep(20);
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
