package io.configurableagents.runtime.jobs.postgres;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A connection outside the pool, used by one thread at a time (the heartbeat's), opened on first
 * use and opened anew on the next use after any failure: once the database is back, the next
 * heartbeat gets through, however long the outage was.
 */
final class OwnConnection implements AutoCloseable {
  private final Database database;
  private Connection connection;

  OwnConnection(Database database) {
    this.database = database;
  }

  <T> T run(Database.Work<T> work) throws SQLException {
    try {
      return work.run(open());
    } catch (SQLException | RuntimeException e) {
      close();
      throw e;
    }
  }

  <T> T inTransaction(Database.Work<T> work) throws SQLException {
    return run(connection -> {
      connection.setAutoCommit(false);
      T result = work.run(connection);
      connection.commit();
      connection.setAutoCommit(true);
      return result;
    });
  }

  @Override
  public void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // broken already
      }
      connection = null;
    }
  }

  private Connection open() throws SQLException {
    if (connection == null) {
      connection = database.openConnection();
    }
    return connection;
  }
}
