package io.configurableagents.runtime.jobs.postgres;

import io.configurableagents.core.WorkflowException;
import io.configurableagents.runtime.jobs.Job;
import io.configurableagents.runtime.jobs.JobAlreadyFinishedException;
import io.configurableagents.runtime.jobs.JobStore;
import io.configurableagents.runtime.jobs.JobStoreUnavailableException;
import io.configurableagents.runtime.jobs.JobSummary;
import io.configurableagents.runtime.jobs.Retention;
import io.configurableagents.runtime.store.GroupCommitWriter;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The job store shared by the replicas of a service: PostgreSQL (docs/scaling.md). Every replica
 * reads and cancels every job; a job runs only on the replica that accepted it.
 *
 * <ul>
 *   <li>Writes are group-committed: one writer thread writes every record saved since its last
 *       write in one statement (its own transaction), then completes their saves. While the
 *       database cannot be reached it keeps them and tries again, so nothing saved is lost while
 *       the process lives; meanwhile {@link #unavailable()} says why, and runs are refused.
 *   <li>A cancel made on another replica is announced with {@code NOTIFY} and reaches the replica
 *       running the job through {@link CancelListener}.
 *   <li>A heartbeat renews this replica's lease ({@link ReplicaLease}) about every second; the same
 *       thread marks the unfinished jobs of replicas whose lease expired as failed ("interrupted:
 *       replica X stopped") and applies retention, one replica at a time. Beside it the pool is
 *       probed: this replica accepts runs only while both its lease and its pool work.
 * </ul>
 */
public final class PostgresJobStore implements JobStore {
  private static final System.Logger LOG = System.getLogger(PostgresJobStore.class.getName());
  /** How long the start waits for the database. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration RETENTION_PERIOD = Duration.ofSeconds(10);
  private static final Duration WRITE_RETRY = Duration.ofMillis(500);
  /** How long closing keeps trying to write what is pending while the database is down. */
  private static final Duration CLOSE_WRITE_LIMIT = Duration.ofSeconds(5);

  private final PostgresSettings settings;
  private final Database database;
  /** The heartbeat thread's connection: lease, takeover of expired leases, retention. */
  private final OwnConnection housekeepingConnection;
  private final ReplicaLease lease;
  private final Retention retention;
  private final Clock clock;
  private final SchemaMigration.Outcome schema;
  private final CancelListener cancels;
  private final GroupCommitWriter<Entry> writer;
  private final ScheduledExecutorService housekeeping;
  /** Jobs saved and not yet written: {@link #find} sees them at once. */
  private final Map<String, Job> unwritten = new ConcurrentHashMap<>();
  /** Why the last use of the pool failed; null while it works (probed on every heartbeat). */
  private volatile String poolFailure;
  private volatile long closeDeadline;
  private volatile boolean closed;
  private long lastRetention;

  private record Entry(Job job, CompletableFuture<Void> written) {}

  private PostgresJobStore(
      PostgresSettings settings,
      Database database,
      OwnConnection housekeepingConnection,
      ReplicaLease lease,
      Retention retention,
      Clock clock,
      SchemaMigration.Outcome schema) {
    this.settings = settings;
    this.database = database;
    this.housekeepingConnection = housekeepingConnection;
    this.lease = lease;
    this.retention = retention;
    this.clock = clock;
    this.schema = schema;
    this.cancels = new CancelListener(database, lease.replica(), clock);
    this.writer = new GroupCommitWriter<>("job-store-writer", Duration.ofSeconds(30), this::write);
    // two threads: a pool that waits for a connection never delays the heartbeat
    this.housekeeping =
        Executors.newScheduledThreadPool(2, Thread.ofPlatform().daemon().name("job-store-lease-", 0).factory());
    cancels.start();
    long tick = Math.min(1_000, settings.lease().toMillis() / 3);
    housekeeping.scheduleWithFixedDelay(this::housekeeping, tick, tick, TimeUnit.MILLISECONDS);
    housekeeping.scheduleWithFixedDelay(this::probePool, tick, tick, TimeUnit.MILLISECONDS);
  }

  /**
   * Connects (waiting up to 10 s for the database), creates or migrates the tables, and takes this
   * replica's lease. Fails with a message that says what to fix.
   */
  public static PostgresJobStore open(PostgresSettings settings, Retention retention, Clock clock) {
    return open(settings, retention, clock, START_TIMEOUT);
  }

  static PostgresJobStore open(PostgresSettings settings, Retention retention, Clock clock, Duration startTimeout) {
    String replica = newReplicaId();
    Database database = Database.connect(settings, "configurable-agents " + replica, startTimeout);
    OwnConnection housekeeping = new OwnConnection(database);
    try {
      SchemaMigration.Outcome schema = SchemaMigration.migrate(database);
      ReplicaLease lease = new ReplicaLease(housekeeping, replica, settings.lease());
      lease.acquire();
      return new PostgresJobStore(settings, database, housekeeping, lease, retention, clock, schema);
    } catch (SQLException e) {
      housekeeping.close();
      database.close();
      throw new WorkflowException(
          "cannot prepare the job store in " + settings.displayUrl() + " (JOB_STORE_URL): " + Database.reason(e, settings)
              + System.lineSeparator() + "  JOB_STORE_USER needs the right to create tables in the database's schema"
              + " (or name a schema of its own with currentSchema in JOB_STORE_URL)", e);
    } catch (RuntimeException e) {
      housekeeping.close();
      database.close();
      throw e;
    }
  }

  /** This replica's name in the store: the host name and a random suffix (one per process). */
  public String replica() {
    return lease.replica();
  }

  @Override
  public List<String> describe() {
    return List.of(
        "jobs in PostgreSQL at " + settings.displayUrl() + ", shared by every replica; schema " + schema.describe(),
        "this replica: " + lease.replica() + " (lease " + lease.duration().toSeconds() + " s, renewed about every second)");
  }

  /** None: the store holds every replica's jobs, and each replica traces the runs it executes (docs/scaling.md). */
  @Override
  public List<JobSummary> summaries() {
    return List.of();
  }

  @Override
  public CompletableFuture<Void> save(Job job) {
    if (closed) {
      return CompletableFuture.failedFuture(new WorkflowException("the job store is closed"));
    }
    unwritten.put(job.id(), job);
    Entry entry = new Entry(job, new CompletableFuture<>());
    writer.submit(entry);
    return entry.written();
  }

  @Override
  public Optional<Job> find(String id) {
    Job pending = unwritten.get(id);
    if (pending != null) {
      return Optional.of(pending);
    }
    try {
      Optional<Job> found = database.onConnection(c -> JobTable.find(c, id));
      poolWorks();
      return found;
    } catch (SQLException e) {
      throw unavailable("reading job " + id, e);
    }
  }

  @Override
  public Optional<Job> cancel(String id, Instant now) {
    try {
      Optional<Job> job = database.inTransaction(c -> JobTable.cancel(c, id, now));
      poolWorks();
      return job;
    } catch (SQLException e) {
      throw unavailable("cancelling job " + id, e);
    }
  }

  @Override
  public void onCancelled(Consumer<String> jobIds) {
    cancels.deliverTo(jobIds);
  }

  @Override
  public Optional<String> unavailable() {
    String failed = poolFailure;
    if (failed != null) {
      return Optional.of("cannot reach the job store database: " + failed);
    }
    return lease.problem();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeDeadline = System.nanoTime() + CLOSE_WRITE_LIMIT.toNanos();
    writer.close();
    housekeeping.shutdownNow();
    try {
      housekeeping.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    cancels.close();
    lease.release();
    housekeepingConnection.close();
    database.close();
  }

  /**
   * Writes the latest record of each job in {@code batch}, trying again until the database takes
   * them (or the store closes), then completes every save of the batch: a job already finished in
   * the table (by another replica) fails its saves with {@link JobAlreadyFinishedException}.
   */
  private void write(List<Entry> batch) {
    Map<String, Job> latest = new LinkedHashMap<>();
    batch.forEach(entry -> latest.put(entry.job().id(), entry.job()));
    List<JobTable.Row> rows = new ArrayList<>(latest.size());
    Map<String, RuntimeException> failures = new HashMap<>();
    for (Job job : latest.values()) {
      try {
        rows.add(JobTable.row(job));
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "job " + job.id() + " cannot be stored: " + e.getMessage());
        failures.put(job.id(), e);
      }
    }
    Map<String, Job> finishedElsewhere = Map.of();
    if (!rows.isEmpty()) {
      try {
        finishedElsewhere = writeUntilTaken(rows);
      } catch (WorkflowException e) {
        rows.forEach(row -> failures.put(row.job().id(), e));
      }
    }
    for (Entry entry : batch) {
      String id = entry.job().id();
      RuntimeException failure = failures.get(id);
      Job stored = finishedElsewhere.get(id);
      if (failure != null) {
        entry.written().completeExceptionally(failure);
      } else if (stored != null) {
        entry.written().completeExceptionally(new JobAlreadyFinishedException(stored));
      } else {
        entry.written().complete(null);
      }
    }
    latest.forEach(unwritten::remove);
  }

  /** Returns the jobs of {@code rows} that were already finished in the table, as stored there. */
  private Map<String, Job> writeUntilTaken(List<JobTable.Row> rows) {
    while (true) {
      try {
        // one statement, atomic on its own: no transaction around it, one round trip
        Set<String> written = database.onConnection(c -> JobTable.upsert(c, lease.replica(), rows));
        Map<String, Job> finishedElsewhere = Map.of();
        if (written.size() < rows.size()) {
          Set<String> refused = new HashSet<>();
          rows.stream().map(row -> row.job().id()).filter(id -> !written.contains(id)).forEach(refused::add);
          finishedElsewhere = database.onConnection(c -> JobTable.findAll(c, refused));
        }
        poolWorks();
        return finishedElsewhere;
      } catch (SQLException e) {
        if (poolFailure == null) {
          LOG.log(Level.WARNING, "job store: cannot write " + rows.size() + " job record(s); they are kept and written"
              + " as soon as the database answers (trying every " + WRITE_RETRY.toMillis() + " ms)");
        }
        poolFailed(e);
        if (closed && System.nanoTime() > closeDeadline) {
          throw new WorkflowException("the job store database could not be reached before the process stopped: " + e.getMessage(), e);
        }
        try {
          Thread.sleep(WRITE_RETRY);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new WorkflowException("the job store's writer was stopped", interrupted);
        }
      }
    }
  }

  /** Every tick: renew the lease; take over the jobs of expired replicas; now and then, retention. */
  private void housekeeping() {
    try {
      lease.renew();
      if (lease.mayTakeOver()) {
        failJobsOfExpiredReplicas();
      }
      long now = System.nanoTime();
      if (now - lastRetention >= RETENTION_PERIOD.toNanos() && lease.problem().isEmpty()) {
        lastRetention = now;
        applyRetention();
      }
    } catch (RuntimeException e) {
      // never let it escape: the executor would stop the heartbeat for good
      LOG.log(Level.ERROR, "job store: housekeeping failed: " + e.getMessage(), e);
    }
  }

  /**
   * Takes a connection from the pool and gives it back, every tick: after an outage the pool
   * reconnects on its own schedule (it backs off), and until it does the replica is not ready.
   */
  private void probePool() {
    try {
      database.onConnection(c -> null);
      poolWorks();
    } catch (SQLException | RuntimeException e) {
      poolFailed(e);
    }
  }

  private void poolWorks() {
    if (poolFailure != null) {
      poolFailure = null;
      LOG.log(Level.INFO, "job store: the database answers again; runs are accepted");
    }
  }

  private void poolFailed(Exception e) {
    if (poolFailure == null) {
      LOG.log(Level.WARNING, "job store: the database cannot be reached (" + e.getMessage() + "); runs are refused until it answers");
    }
    poolFailure = e.getMessage();
  }

  private void failJobsOfExpiredReplicas() {
    try {
      Map<String, Integer> failed = housekeepingConnection.inTransaction(c -> JobTable.failJobsOfExpiredReplicas(c, clock.instant()));
      failed.forEach((replica, count) -> LOG.log(Level.WARNING,
          "job store: replica " + replica + " stopped renewing its lease; " + count + " of its unfinished job(s) marked failed (interrupted)"));
    } catch (SQLException e) {
      LOG.log(Level.DEBUG, "job store: looking for expired leases failed: " + e.getMessage());
    }
  }

  private void applyRetention() {
    try {
      housekeepingConnection.inTransaction(c -> JobTable.applyRetention(c, retention, clock.instant()));
    } catch (SQLException e) {
      LOG.log(Level.DEBUG, "job store: retention failed, trying again later: " + e.getMessage());
    }
  }

  private JobStoreUnavailableException unavailable(String doing, SQLException e) {
    LOG.log(Level.DEBUG, "job store: " + doing + " failed: " + e.getMessage());
    poolFailed(e);
    return new JobStoreUnavailableException();
  }

  /** The host name (the pod's name in Kubernetes, the container id in Docker) and six random hex digits. */
  private static String newReplicaId() {
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = Files.readString(Path.of("/etc/hostname")).trim();
      } catch (IOException e) {
        host = "";
      }
    }
    String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
    return (host.isBlank() ? "replica" : host) + "-" + suffix;
  }
}
