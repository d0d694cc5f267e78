package io.configurableagents.runtime.jobs.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.configurableagents.runtime.jobs.Job;
import io.configurableagents.runtime.jobs.JobError;
import io.configurableagents.runtime.jobs.JobJson;
import io.configurableagents.runtime.jobs.JobState;
import io.configurableagents.runtime.jobs.Retention;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL of the job store: jobs in {@code agent_jobs}, one column per field of the status
 * document (outputs as {@code json}, which keeps their order), and leases in {@code
 * agent_replicas} (see {@code V1__jobs.sql}). A finished job is never changed again: every write
 * of a job is conditional on its row being unfinished.
 */
final class JobTable {
  /** The channel on which a cancel is announced to the replica running the job; the payload is the job id. */
  static final String CANCEL_CHANNEL = "agent_jobs_cancelled";
  /** The advisory lock key that lets one replica at a time apply retention: "agentret" in ASCII. */
  static final long RETENTION_LOCK_KEY = 0x6167656e74726574L;

  private static final TypeReference<LinkedHashMap<String, Object>> OUTPUTS = new TypeReference<>() {};
  private static final String COLUMNS =
      "id, status, created_at, started_at, completed_at, outputs, error_type, error_node, error_message, provider_failure";
  /** One statement for a whole batch: the batch as arrays, unnested into rows. Returns the ids written. */
  private static final String UPSERT =
      """
      INSERT INTO agent_jobs (replica, id, status, created_at, started_at, completed_at, outputs,
                              error_type, error_node, error_message, provider_failure)
      SELECT ?, j.id, j.status, j.created_at, j.started_at, j.completed_at, j.outputs::json,
             j.error_type, j.error_node, j.error_message, j.provider_failure
      FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::text[],
                  ?::text[], ?::text[], ?::text[], ?::boolean[])
           AS j(id, status, created_at, started_at, completed_at, outputs, error_type, error_node, error_message, provider_failure)
      ON CONFLICT (id) DO UPDATE SET status = excluded.status, started_at = excluded.started_at,
          completed_at = excluded.completed_at, outputs = excluded.outputs, error_type = excluded.error_type,
          error_node = excluded.error_node, error_message = excluded.error_message, provider_failure = excluded.provider_failure
      WHERE agent_jobs.completed_at IS NULL
      RETURNING id
      """;

  private JobTable() {}

  /** A job as the columns of its row. */
  record Row(Job job, String outputs) {}

  /** The row of {@code job}; fails (for this job alone) when its outputs cannot be written as JSON. */
  static Row row(Job job) {
    return new Row(job, job.state() instanceof JobState.Completed c ? json(c.outputs()) : null);
  }

  /**
   * Writes the rows (at most one per job) for {@code replica} in one statement; returns the ids
   * written. An id left out was already finished in the table and is left as it was.
   */
  static Set<String> upsert(Connection connection, String replica, List<Row> rows) throws SQLException {
    int n = rows.size();
    String[] ids = new String[n];
    String[] statuses = new String[n];
    String[] created = new String[n];
    String[] started = new String[n];
    String[] completed = new String[n];
    String[] outputs = new String[n];
    String[] errorTypes = new String[n];
    String[] errorNodes = new String[n];
    String[] errorMessages = new String[n];
    Boolean[] providerFailures = new Boolean[n];
    for (int i = 0; i < n; i++) {
      Job job = rows.get(i).job();
      ids[i] = job.id();
      statuses[i] = job.state().label();
      created[i] = job.createdAt().toString();
      started[i] = job.startedAt().map(Instant::toString).orElse(null);
      completed[i] = job.completedAt().map(Instant::toString).orElse(null);
      providerFailures[i] = false;
      outputs[i] = rows.get(i).outputs();
      if (job.state() instanceof JobState.Failed f) {
        errorTypes[i] = f.error().type();
        errorNodes[i] = f.error().node().orElse(null);
        errorMessages[i] = f.error().message();
        providerFailures[i] = f.error().providerFailure();
      }
    }
    Set<String> written = new HashSet<>();
    try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
      statement.setString(1, replica);
      int p = 2;
      for (String[] column : List.of(ids, statuses, created, started, completed, outputs, errorTypes, errorNodes, errorMessages)) {
        statement.setArray(p++, connection.createArrayOf("text", column));
      }
      statement.setArray(p, connection.createArrayOf("bool", providerFailures));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          written.add(rs.getString(1));
        }
      }
    }
    return written;
  }

  static Optional<Job> find(Connection connection, String id) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM agent_jobs WHERE id = ?")) {
      statement.setString(1, id);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? Optional.of(job(rs)) : Optional.empty();
      }
    }
  }

  static Map<String, Job> findAll(Connection connection, Set<String> ids) throws SQLException {
    Map<String, Job> found = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM agent_jobs WHERE id = ANY(?)")) {
      statement.setArray(1, connection.createArrayOf("text", ids.toArray(String[]::new)));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          Job job = job(rs);
          found.put(job.id(), job);
        }
      }
    }
    return found;
  }

  /**
   * Cancels a pending or running job at {@code now} and announces it on {@link #CANCEL_CHANNEL}
   * (delivered when the transaction commits). Returns the job as it is then.
   */
  static Optional<Job> cancel(Connection connection, String id, Instant now) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "UPDATE agent_jobs SET status = 'cancelled', completed_at = ? WHERE id = ? AND completed_at IS NULL RETURNING " + COLUMNS)) {
      setInstant(statement, 1, now);
      statement.setString(2, id);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return find(connection, id);
        }
        Job cancelled = job(rs);
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
          notify.setString(1, CANCEL_CHANNEL);
          notify.setString(2, id);
          notify.execute();
        }
        return Optional.of(cancelled);
      }
    }
  }

  /** The jobs of {@code replica} cancelled at or after {@code since} (to catch up on missed announcements). */
  static List<String> cancelledSince(Connection connection, String replica, Instant since) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT id FROM agent_jobs WHERE completed_at >= ? AND replica = ? AND status = 'cancelled'")) {
      setInstant(statement, 1, since);
      statement.setString(2, replica);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }

  /**
   * Renews {@code replica}'s lease until {@code lease} from now (database time). Returns false when
   * its row was missing: another replica found the lease expired and removed it.
   */
  static boolean renewLease(Connection connection, String replica, Duration lease) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            """
            INSERT INTO agent_replicas (id, lease_until) VALUES (?, now() + make_interval(secs => ?))
            ON CONFLICT (id) DO UPDATE SET lease_until = excluded.lease_until
            RETURNING (xmax = 0) AS inserted
            """)) {
      statement.setString(1, replica);
      statement.setDouble(2, lease.toMillis() / 1000.0);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return !rs.getBoolean(1);
      }
    }
  }

  /** Gives the lease up when none of the replica's jobs is unfinished (else it expires and the reaper takes over). */
  static void releaseLease(Connection connection, String replica) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "DELETE FROM agent_replicas WHERE id = ? AND NOT EXISTS"
                + " (SELECT 1 FROM agent_jobs WHERE replica = ? AND completed_at IS NULL)")) {
      statement.setString(1, replica);
      statement.setString(2, replica);
      statement.executeUpdate();
    }
  }

  /**
   * Marks every unfinished job of a replica without a live lease as failed ("interrupted: replica
   * X stopped"), at {@code now}, then removes the expired leases. Returns the count by replica.
   */
  static Map<String, Integer> failJobsOfExpiredReplicas(Connection connection, Instant now) throws SQLException {
    List<String> expired = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            """
            SELECT DISTINCT j.replica FROM agent_jobs j
            WHERE j.completed_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM agent_replicas r WHERE r.id = j.replica AND r.lease_until > now())
            """);
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        expired.add(rs.getString(1));
      }
    }
    Map<String, Integer> failed = new LinkedHashMap<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            """
            UPDATE agent_jobs SET status = 'failed', completed_at = ?, outputs = NULL, error_type = ?, error_node = NULL,
                error_message = ?, provider_failure = false
            WHERE replica = ? AND completed_at IS NULL
            """)) {
      for (String replica : expired) {
        JobError error = JobError.interruptedReplicaStopped(replica);
        setInstant(statement, 1, now);
        statement.setString(2, error.type());
        statement.setString(3, error.message());
        statement.setString(4, replica);
        int count = statement.executeUpdate();
        if (count > 0) {
          failed.put(replica, count);
        }
      }
    }
    try (PreparedStatement statement = connection.prepareStatement("DELETE FROM agent_replicas WHERE lease_until <= now()")) {
      statement.executeUpdate();
    }
    return failed;
  }

  /**
   * Removes the finished jobs that retention no longer keeps, unless another replica is doing so
   * (then returns -1). Must run in a transaction (the lock is the transaction's).
   */
  static int applyRetention(Connection connection, Retention retention, Instant now) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
      lock.setLong(1, RETENTION_LOCK_KEY);
      try (ResultSet rs = lock.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return -1;
        }
      }
    }
    int removed;
    try (PreparedStatement byAge =
        connection.prepareStatement("DELETE FROM agent_jobs WHERE completed_at IS NOT NULL AND completed_at < ?")) {
      setInstant(byAge, 1, now.minus(retention.maxAge()));
      removed = byAge.executeUpdate();
    }
    try (PreparedStatement byCount =
        connection.prepareStatement(
            """
            DELETE FROM agent_jobs WHERE id IN (
              SELECT id FROM agent_jobs WHERE completed_at IS NOT NULL ORDER BY completed_at DESC OFFSET ?)
            """)) {
      byCount.setInt(1, retention.maxCount());
      removed += byCount.executeUpdate();
    }
    return removed;
  }

  private static Job job(ResultSet rs) throws SQLException {
    String id = rs.getString("id");
    String status = rs.getString("status");
    JobState state =
        switch (status) {
          case "pending" -> JobState.PENDING;
          case "running" -> JobState.RUNNING;
          case "completed" -> new JobState.Completed(outputs(rs.getString("outputs")));
          case "failed" ->
              new JobState.Failed(
                  new JobError(
                      rs.getString("error_type"),
                      Optional.ofNullable(rs.getString("error_node")),
                      rs.getString("error_message"),
                      rs.getBoolean("provider_failure")));
          case "cancelled" -> JobState.CANCELLED;
          default -> throw new IllegalStateException("job " + id + " has an unknown status in the job store: \"" + status + "\"");
        };
    return new Job(id, state, instant(rs, "created_at").orElseThrow(), instant(rs, "started_at"), instant(rs, "completed_at"));
  }

  private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
    statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? Optional.empty() : Optional.of(value.toInstant());
  }

  private static Map<String, Object> outputs(String json) {
    try {
      return json == null ? Map.of() : JobJson.MAPPER.readValue(json, OUTPUTS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("outputs in the job store are not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String json(Map<String, Object> outputs) {
    try {
      return JobJson.MAPPER.writeValueAsString(outputs);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("outputs cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }
}
