package io.configurableagents.runtime.jobs.postgres;

import io.configurableagents.core.WorkflowException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates and migrates the job store's tables at start. The scripts ship in the jar beside this
 * class ({@code V<n>__<name>.sql}); each is applied once, in order, and recorded in
 * {@code agent_schema_version}. Everything runs in one transaction under a transaction-level
 * advisory lock: when several replicas start at once on an empty database, one applies the
 * scripts and the others wait, then find them applied. A failed script leaves nothing behind.
 * (Why not a migration library: docs/scaling.md, "Schema".)
 */
final class SchemaMigration {
  /** The advisory lock key of these migrations: "agentjob" in ASCII. */
  static final long LOCK_KEY = 0x6167656e746a6f62L;

  /** The scripts, in order; a released one is never edited. */
  static final List<Step> STEPS = List.of(new Step(1, "jobs"));

  record Step(int version, String name) {
    String resource() {
      return "V" + version + "__" + name + ".sql";
    }
  }

  /** The schema version found, and the version after migrating. */
  record Outcome(int from, int to) {
    String describe() {
      if (from == to) {
        return "at version " + to + ", up to date";
      }
      return from == 0 ? "created at version " + to : "migrated from version " + from + " to " + to;
    }
  }

  private SchemaMigration() {}

  static Outcome migrate(Database database) throws SQLException {
    return database.inTransaction(SchemaMigration::migrate);
  }

  private static Outcome migrate(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
      requireSchema(statement);
      statement.execute(
          "CREATE TABLE IF NOT EXISTS agent_schema_version (version integer PRIMARY KEY, name text NOT NULL,"
              + " applied_at timestamptz NOT NULL DEFAULT now())");
      int current;
      try (ResultSet rs = statement.executeQuery("SELECT coalesce(max(version), 0) FROM agent_schema_version")) {
        rs.next();
        current = rs.getInt(1);
      }
      int latest = STEPS.getLast().version();
      if (current > latest) {
        throw new WorkflowException(
            "the job store's schema is at version " + current + ", newer than this runtime knows (" + latest
                + "): a newer version of the runtime migrated it; run that version (or a newer one) against this database");
      }
      for (Step step : STEPS) {
        if (step.version() > current) {
          statement.execute(script(step));
          try (PreparedStatement record = connection.prepareStatement("INSERT INTO agent_schema_version (version, name) VALUES (?, ?)")) {
            record.setInt(1, step.version());
            record.setString(2, step.name());
            record.executeUpdate();
          }
        }
      }
      return new Outcome(current, Math.max(current, latest));
    }
  }

  /** Tables go to the first schema of the search path; say so clearly when there is none. */
  private static void requireSchema(Statement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT current_schema()")) {
      rs.next();
      if (rs.getString(1) == null) {
        throw new WorkflowException(
            "the job store database has no schema to create its tables in: create the schema that currentSchema in"
                + " JOB_STORE_URL (or the user's search_path) names, or leave currentSchema out to use public");
      }
    }
  }

  private static String script(Step step) {
    try (InputStream in = SchemaMigration.class.getResourceAsStream(step.resource())) {
      if (in == null) {
        throw new IllegalStateException("migration script " + step.resource() + " is missing from the runtime jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
