package io.configurableagents.runtime.jobs.postgres;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * This replica's lease in {@code agent_replicas}: renewed by a heartbeat about every second, it
 * expires {@code JOB_LEASE_SECONDS} after the last renewal (database time). While it is not
 * renewed, this replica takes no new run (its jobs could be marked interrupted by another replica);
 * and only a replica whose own lease has been renewed without a break for a whole lease period
 * marks other replicas' jobs interrupted, so that after a database outage every live replica has
 * had time to renew its lease first.
 */
final class ReplicaLease {
  private static final System.Logger LOG = System.getLogger(ReplicaLease.class.getName());

  private final OwnConnection connection;
  private final String replica;
  private final Duration lease;
  /** {@link System#nanoTime()} of the last renewal; of the first of the current unbroken run of renewals (0: broken). */
  private volatile long renewedAt;
  private volatile long renewingSince;
  /** Why the last renewal failed; null when it succeeded. */
  private volatile String failure;

  /** {@code connection}: the heartbeat thread's own (see {@link OwnConnection}). */
  ReplicaLease(OwnConnection connection, String replica, Duration lease) {
    this.connection = connection;
    this.replica = replica;
    this.lease = lease;
  }

  String replica() {
    return replica;
  }

  Duration duration() {
    return lease;
  }

  /** The first renewal, at start: its failure stops the start. */
  void acquire() throws SQLException {
    connection.run(c -> JobTable.renewLease(c, replica, lease));
    renewedAt = renewingSince = System.nanoTime();
  }

  /** The heartbeat. A failure is remembered (see {@link #problem()}), not thrown. */
  void renew() {
    try {
      boolean kept = connection.run(c -> JobTable.renewLease(c, replica, lease));
      long now = System.nanoTime();
      if (!kept) {
        LOG.log(Level.WARNING, "job store: this replica's lease had expired and was taken over (its unfinished jobs were marked"
            + " interrupted by another replica); it holds a new lease from now on");
        renewingSince = now;
      } else if (renewingSince == 0) {
        renewingSince = now;
      }
      renewedAt = now;
      if (failure != null) {
        LOG.log(Level.INFO, "job store: the database answers again; lease renewed");
        failure = null;
      }
    } catch (SQLException e) {
      if (failure == null) {
        LOG.log(Level.WARNING, "job store: cannot renew this replica's lease: " + e.getMessage());
      }
      failure = e.getMessage();
      renewingSince = 0;
    }
  }

  /** Why this replica must not take runs now; empty while its lease is fresh. */
  Optional<String> problem() {
    String failed = failure;
    if (failed != null) {
      return Optional.of("cannot reach the job store database: " + failed);
    }
    long age = System.nanoTime() - renewedAt;
    if (age > lease.toNanos() / 2) {
      return Optional.of("this replica's lease in the job store was last renewed " + age / 1_000_000_000 + " s ago (JOB_LEASE_SECONDS="
          + lease.toSeconds() + ")");
    }
    return Optional.empty();
  }

  /** Whether this replica may mark other replicas' jobs interrupted: its own lease has been renewed without a break for a lease period. */
  boolean mayTakeOver() {
    long since = renewingSince;
    return since != 0 && failure == null && System.nanoTime() - since >= lease.toNanos();
  }

  /** Gives the lease up at shutdown (kept when jobs of this replica are still unfinished in the table). */
  void release() {
    try {
      connection.run(c -> {
        JobTable.releaseLease(c, replica);
        return null;
      });
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "job store: could not give up this replica's lease (it expires by itself): " + e.getMessage());
    }
  }
}
