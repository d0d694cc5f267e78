package io.configurableagents.runtime.jobs.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configurableagents.core.WorkflowException;
import io.configurableagents.runtime.jobs.Job;
import io.configurableagents.runtime.jobs.JobAlreadyFinishedException;
import io.configurableagents.runtime.jobs.JobError;
import io.configurableagents.runtime.jobs.JobState;
import io.configurableagents.runtime.jobs.Retention;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PostgreSQL job store against a real PostgreSQL, with two or three stores playing replicas. */
class PostgresJobStoreTest {
  private static final Retention KEEP_ALL = new Retention(Duration.ofDays(7), 10_000);
  private static final Clock CLOCK = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

  private static PostgresServer postgres;
  private final List<PostgresJobStore> stores = new ArrayList<>();
  private String url;

  @BeforeAll
  static void startPostgres() {
    postgres = PostgresServer.start();
  }

  @AfterAll
  static void stopPostgres() {
    postgres.close();
  }

  @BeforeEach
  void newDatabase() {
    url = postgres.createDatabase();
  }

  @AfterEach
  void closeStores() {
    stores.forEach(PostgresJobStore::close);
  }

  @Test
  void aJobSavedByOneReplicaIsReadByAnotherAsSaved() throws Exception {
    PostgresJobStore a = open(Duration.ofSeconds(30), KEEP_ALL);
    PostgresJobStore b = open(Duration.ofSeconds(30), KEEP_ALL);
    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("zeta", "last letter first");
    outputs.put("count", 3L);
    outputs.put("nested", Map.of("ok", true));
    Job completed = running(CLOCK.instant()).finished(new JobState.Completed(outputs), CLOCK.instant());
    Job failed =
        running(CLOCK.instant())
            .finished(new JobState.Failed(new JobError("provider_error", Optional.of("echo"), "the provider said no", true)), CLOCK.instant());

    a.save(completed).get(10, TimeUnit.SECONDS);
    a.save(failed).get(10, TimeUnit.SECONDS);

    assertThat(b.find(completed.id())).contains(completed);
    assertThat(((JobState.Completed) b.find(completed.id()).orElseThrow().state()).outputs().keySet())
        .as("outputs keep their order").containsExactly("zeta", "count", "nested");
    assertThat(b.find(failed.id())).contains(failed);
    assertThat(b.find("no-such-job")).isEmpty();
  }

  @Test
  void aFinishedJobIsNeverReplaced() throws Exception {
    PostgresJobStore a = open(Duration.ofSeconds(30), KEEP_ALL);
    PostgresJobStore b = open(Duration.ofSeconds(30), KEEP_ALL);
    Job started = running(CLOCK.instant());
    Job completed = started.finished(new JobState.Completed(Map.of("result", "done")), CLOCK.instant());
    a.save(completed).get(10, TimeUnit.SECONDS);

    assertThat(b.cancel(completed.id(), CLOCK.instant())).as("a cancel comes too late").contains(completed);
    CompletableFuture<Void> late = a.save(started);

    assertThatThrownBy(() -> late.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(JobAlreadyFinishedException.class, e -> assertThat(e.stored()).isEqualTo(completed));
    assertThat(b.find(completed.id())).contains(completed);
  }

  @Test
  void aCancelOnAnotherReplicaReachesTheReplicaRunningTheJobWithinASecond() throws Exception {
    PostgresJobStore a = open(Duration.ofSeconds(30), KEEP_ALL);
    PostgresJobStore b = open(Duration.ofSeconds(30), KEEP_ALL);
    LinkedBlockingQueue<String> heardByA = new LinkedBlockingQueue<>();
    a.onCancelled(heardByA::add);
    Job job = running(CLOCK.instant());
    a.save(job).get(10, TimeUnit.SECONDS);

    long before = System.nanoTime();
    Job cancelled = b.cancel(job.id(), CLOCK.instant()).orElseThrow();
    String heard = heardByA.poll(1, TimeUnit.SECONDS);

    assertThat(heard).as("the cancel reached replica A").isEqualTo(job.id());
    assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
    assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
    CompletableFuture<Void> outcome = a.save(job.finished(new JobState.Completed(Map.of()), CLOCK.instant()));
    assertThatThrownBy(() -> outcome.get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOfSatisfying(JobAlreadyFinishedException.class, e -> assertThat(e.stored()).isEqualTo(cancelled));
  }

  @Test
  void theUnfinishedJobsOfAReplicaWhoseLeaseExpiredAreMarkedInterruptedByAnother() throws Exception {
    Duration lease = Duration.ofSeconds(2);
    PostgresJobStore b = open(lease, KEEP_ALL);
    PostgresJobStore a = open(lease, KEEP_ALL);
    Job runningOnA = running(CLOCK.instant());
    Job pendingOnA = Job.pending(UUID.randomUUID().toString(), CLOCK.instant());
    Job doneOnA = running(CLOCK.instant()).finished(new JobState.Completed(Map.of("result", "kept")), CLOCK.instant());
    Job runningOnB = running(CLOCK.instant());
    a.save(runningOnA).get(10, TimeUnit.SECONDS);
    a.save(pendingOnA).get(10, TimeUnit.SECONDS);
    a.save(doneOnA).get(10, TimeUnit.SECONDS);
    b.save(runningOnB).get(10, TimeUnit.SECONDS);

    // replica A stops renewing its lease (as after kill -9): its jobs stay unfinished in the table
    stores.remove(a);
    a.close();
    long stoppedAt = System.nanoTime();
    awaitTrue(Duration.ofSeconds(10), () -> b.find(runningOnA.id()).orElseThrow().isFinished());
    Duration took = Duration.ofNanos(System.nanoTime() - stoppedAt);

    String expected = "interrupted: replica " + a.replica() + " stopped";
    assertThat(b.find(runningOnA.id()).orElseThrow().state())
        .isEqualTo(new JobState.Failed(new JobError("interrupted", Optional.empty(), expected, false)));
    assertThat(b.find(pendingOnA.id()).orElseThrow().state().label()).isEqualTo("failed");
    assertThat(took).as("marked within the lease and a heartbeat").isLessThan(lease.plusSeconds(2));
    assertThat(b.find(doneOnA.id())).contains(doneOnA);
    assertThat(b.find(runningOnB.id())).as("the live replica's job is left alone").contains(runningOnB);
  }

  @Test
  void retentionRemovesTheOldestFinishedJobsOneReplicaAtATime() throws Exception {
    PostgresJobStore a = open(Duration.ofSeconds(30), KEEP_ALL);
    Instant now = CLOCK.instant();
    Job tooOld = finishedAt(now.minus(3, ChronoUnit.HOURS));
    List<Job> recent = new ArrayList<>();
    for (int i = 5; i >= 1; i--) {
      recent.add(finishedAt(now.minusSeconds(60L * i)));
    }
    Job unfinished = Job.pending(UUID.randomUUID().toString(), now.minus(5, ChronoUnit.HOURS));
    a.save(tooOld).get(10, TimeUnit.SECONDS);
    for (Job job : recent) {
      a.save(job).get(10, TimeUnit.SECONDS);
    }
    a.save(unfinished).get(10, TimeUnit.SECONDS);

    try (Connection holder = postgres.connect(url); Statement statement = holder.createStatement()) {
      // another replica is applying retention: this one leaves it alone
      statement.execute("SELECT pg_advisory_lock(" + JobTable.RETENTION_LOCK_KEY + ")");
      PostgresJobStore b = open(Duration.ofSeconds(30), new Retention(Duration.ofHours(2), 3));
      Thread.sleep(2_500);
      assertThat(b.find(tooOld.id())).as("not removed while another replica holds the retention lock").isPresent();
      statement.execute("SELECT pg_advisory_unlock(" + JobTable.RETENTION_LOCK_KEY + ")");

      // retention runs at the first heartbeat and then every 10 s
      awaitTrue(Duration.ofSeconds(15), () -> b.find(tooOld.id()).isEmpty() && b.find(recent.get(1).id()).isEmpty());
      assertThat(b.find(recent.get(0).id())).isEmpty();
      assertThat(recent.subList(2, 5)).allSatisfy(job -> assertThat(b.find(job.id())).as("among the 3 newest").isPresent());
      assertThat(b.find(unfinished.id())).as("unfinished jobs are never removed").isPresent();
    }
  }

  @Test
  void whileTheDatabaseIsDownRunsAreRefusedAndSavesWaitThenEverythingIsWritten() throws Exception {
    PostgresJobStore a = open(Duration.ofSeconds(30), KEEP_ALL);
    PostgresJobStore b = open(Duration.ofSeconds(30), KEEP_ALL);
    Job job = running(CLOCK.instant());
    a.save(job).get(10, TimeUnit.SECONDS);

    postgres.stop();
    CompletableFuture<Void> outcome;
    Job done = job.finished(new JobState.Completed(Map.of("result", "written later")), CLOCK.instant());
    try {
      awaitTrue(Duration.ofSeconds(5), () -> a.unavailable().isPresent());
      assertThat(a.unavailable().orElseThrow()).contains("job store database");
      outcome = a.save(done);
      Thread.sleep(1_000);
      assertThat(outcome).as("not written while the database is down").isNotDone();
      assertThat(a.find(job.id())).as("the replica itself still shows it").contains(done);
    } finally {
      postgres.startServer();
    }

    outcome.get(15, TimeUnit.SECONDS);
    awaitTrue(Duration.ofSeconds(10), () -> a.unavailable().isEmpty() && b.unavailable().isEmpty());
    assertThat(b.find(job.id())).contains(done);
  }

  @Test
  void anUnreachableDatabaseAtStartFailsWithAMessageThatSaysWhatToFix() {
    String closedPort = "jdbc:postgresql://127.0.0.1:1/jobs";
    PostgresSettings settings =
        new PostgresSettings(closedPort + "?ApplicationName=x", Optional.of("agents"), Optional.of("s3cret-pass"), Duration.ofSeconds(30));

    assertThatThrownBy(() -> PostgresJobStore.open(settings, KEEP_ALL, CLOCK, Duration.ofSeconds(1)))
        .isInstanceOf(WorkflowException.class)
        .hasMessageStartingWith("cannot connect to the job store database " + closedPort + " (JOB_STORE_URL) within 1 s:")
        .hasMessageContaining("refused")
        .hasMessageContaining("check that PostgreSQL runs")
        .hasMessageNotContaining("s3cret-pass")
        .hasMessageNotContaining("ApplicationName");
  }

  @Test
  void aWrongPasswordFailsWithoutShowingIt() {
    PostgresSettings settings =
        new PostgresSettings(url, Optional.of(PostgresServer.USER), Optional.of("not-the-password"), Duration.ofSeconds(30));

    assertThatThrownBy(() -> PostgresJobStore.open(settings, KEEP_ALL, CLOCK, Duration.ofSeconds(1)))
        .isInstanceOf(WorkflowException.class)
        .hasMessageContaining("password authentication failed for user \"agents\"")
        .hasMessageContaining("JOB_STORE_PASSWORD")
        .hasMessageNotContaining("not-the-password");
  }

  @Test
  void theSettingsNeverShowThePassword() {
    PostgresSettings settings =
        new PostgresSettings("jdbc:postgresql://db:5432/jobs?password=in-url", Optional.of("agents"), Optional.of("s3cret"), Duration.ofSeconds(30));

    assertThat(settings.toString()).doesNotContain("s3cret").doesNotContain("in-url").contains("jdbc:postgresql://db:5432/jobs");
  }

  private PostgresJobStore open(Duration lease, Retention retention) {
    PostgresSettings settings = new PostgresSettings(url, Optional.of(PostgresServer.USER), Optional.of(postgres.password()), lease);
    PostgresJobStore store = PostgresJobStore.open(settings, retention, CLOCK);
    stores.add(store);
    return store;
  }

  private static Job running(Instant at) {
    return Job.pending(UUID.randomUUID().toString(), at).started(at);
  }

  private static Job finishedAt(Instant at) {
    return Job.pending(UUID.randomUUID().toString(), at.minusSeconds(1)).started(at.minusSeconds(1)).finished(new JobState.Completed(Map.of()), at);
  }

  private static void awaitTrue(Duration within, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition met within " + within).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
