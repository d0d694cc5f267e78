package io.configurableagents.runtime.jobs.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.configurableagents.core.WorkflowException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The connection pool to the job store's database (HikariCP over pgjdbc), and transactions on it.
 * Connections fail fast while the database is down (a 2 s wait for a connection, a 5 s connect
 * timeout), so that callers can answer "unavailable" instead of hanging. The heartbeat and the
 * cancel listener use connections of their own ({@link #openConnection()}): after an outage the
 * pool may take seconds to reconnect (it backs off), and a lease must be renewed within a second.
 */
final class Database implements AutoCloseable {
  /** HikariCP's start and stop lines are noise in the runtime's log; its warnings stay. */
  private static final Logger POOL_LOG = Logger.getLogger("com.zaxxer.hikari");

  static {
    POOL_LOG.setLevel(Level.WARNING);
  }

  private final HikariDataSource pool;
  private final String url;
  private final Properties properties;

  /** Work on a connection, in a transaction or not. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private Database(HikariDataSource pool, String url, Properties properties) {
    this.pool = pool;
    this.url = url;
    this.properties = properties;
  }

  /**
   * Opens the pool once a first connection succeeds, trying for up to {@code startTimeout}; fails
   * with a message that says what was tried and how to fix it (never the password).
   */
  static Database connect(PostgresSettings settings, String applicationName, Duration startTimeout) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("job-store");
    config.setJdbcUrl(settings.url());
    settings.user().ifPresent(config::setUsername);
    settings.password().ifPresent(config::setPassword);
    config.setMaximumPoolSize(10);
    config.setMinimumIdle(2);
    config.setConnectionTimeout(2_000);
    config.setValidationTimeout(1_000);
    config.setInitializationFailTimeout(startTimeout.toMillis());
    // defaults; parameters of JOB_STORE_URL take precedence over them
    Properties properties = new Properties();
    properties.setProperty("ApplicationName", applicationName);
    properties.setProperty("connectTimeout", "5");
    properties.setProperty("socketTimeout", "30");
    properties.setProperty("tcpKeepAlive", "true");
    config.setDataSourceProperties(properties);
    Properties own = new Properties();
    own.putAll(properties);
    settings.user().ifPresent(user -> own.setProperty("user", user));
    settings.password().ifPresent(password -> own.setProperty("password", password));
    try {
      return new Database(new HikariDataSource(config), settings.url(), own);
    } catch (RuntimeException e) {
      throw new WorkflowException(
          "cannot connect to the job store database " + settings.displayUrl() + " (JOB_STORE_URL) within "
              + startTimeout.toSeconds() + " s: " + reason(e, settings)
              + System.lineSeparator() + "  check that PostgreSQL runs and accepts connections there, and JOB_STORE_USER and "
              + "JOB_STORE_PASSWORD; unset JOB_STORE_URL to keep jobs in DATA_DIR instead");
    }
  }

  Connection connection() throws SQLException {
    return pool.getConnection();
  }

  /** A new connection outside the pool, for a thread that keeps one (the caller closes it). */
  Connection openConnection() throws SQLException {
    return DriverManager.getConnection(url, properties);
  }

  /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
  <T> T inTransaction(Work<T> work) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException ignored) {
          // the connection is broken: the pool discards it
        }
        throw e;
      }
    }
  }

  /** Runs {@code work} on a connection in auto-commit mode (single statements, reads). */
  <T> T onConnection(Work<T> work) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      return work.run(connection);
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  /** The innermost message of {@code e}, with the URL and the password taken out. */
  static String reason(Throwable e, PostgresSettings settings) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    message = message.replace(settings.url(), settings.displayUrl());
    if (settings.password().isPresent() && !settings.password().get().isEmpty()) {
      message = message.replace(settings.password().get(), "****");
    }
    return message;
  }
}
