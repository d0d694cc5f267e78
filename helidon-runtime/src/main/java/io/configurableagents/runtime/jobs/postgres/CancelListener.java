package io.configurableagents.runtime.jobs.postgres;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears the cancels that other replicas announce ({@code LISTEN} on {@link
 * JobTable#CANCEL_CHANNEL}) on a connection of its own, and hands the job ids over at once. When
 * that connection breaks (the database restarted), it listens again as soon as it can and then
 * asks the table for the cancels of this replica's jobs it may have missed meanwhile.
 */
final class CancelListener implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(CancelListener.class.getName());
  private static final int POLL_MILLIS = 250;
  private static final Duration RETRY = Duration.ofSeconds(1);

  private final Database database;
  private final String replica;
  private final Clock clock;
  private final Thread thread;
  private volatile Consumer<String> jobIds = id -> {};
  private volatile boolean closed;

  CancelListener(Database database, String replica, Clock clock) {
    this.database = database;
    this.replica = replica;
    this.clock = clock;
    this.thread = Thread.ofPlatform().daemon().name("job-store-cancels").unstarted(this::loop);
  }

  void start() {
    thread.start();
  }

  void deliverTo(Consumer<String> jobIds) {
    this.jobIds = jobIds;
  }

  @Override
  public void close() {
    closed = true;
    try {
      thread.join(Duration.ofSeconds(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop() {
    Optional<Instant> lostAt = Optional.empty();
    while (!closed) {
      try (Connection connection = database.openConnection()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + JobTable.CANCEL_CHANNEL);
        }
        if (lostAt.isPresent()) {
          // a second of margin: the cancelling replica's clock stamped completed_at
          List<String> missed = JobTable.cancelledSince(connection, replica, lostAt.get().minusSeconds(1));
          missed.forEach(this::deliver);
          lostAt = Optional.empty();
        }
        PGConnection notifications = connection.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
          if (received != null) {
            for (PGNotification notification : received) {
              deliver(notification.getParameter());
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (lostAt.isEmpty()) {
          lostAt = Optional.of(clock.instant());
          LOG.log(Level.DEBUG, "job store: listening for cancels failed, retrying: " + e.getMessage());
        }
        pause();
      }
    }
  }

  private void deliver(String jobId) {
    try {
      jobIds.accept(jobId);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "job store: handling the cancel of job " + jobId + " failed: " + e.getMessage(), e);
    }
  }

  private void pause() {
    try {
      Thread.sleep(RETRY);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }
}
