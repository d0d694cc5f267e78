package io.configurableagents.runtime.jobs.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configurableagents.core.WorkflowException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The job store's schema is created once, whatever the number of replicas starting at once. */
class SchemaMigrationTest {
  private static PostgresServer postgres;

  @BeforeAll
  static void startPostgres() {
    postgres = PostgresServer.start();
  }

  @AfterAll
  static void stopPostgres() {
    postgres.close();
  }

  @Test
  void replicasStartingAtOnceOnAnEmptyDatabaseCreateTheSchemaOnce() throws Exception {
    String url = postgres.createDatabase();
    int replicas = 6;
    CountDownLatch ready = new CountDownLatch(replicas);
    List<Future<SchemaMigration.Outcome>> outcomes = new ArrayList<>();
    try (ExecutorService starts = Executors.newFixedThreadPool(replicas)) {
      for (int i = 0; i < replicas; i++) {
        outcomes.add(starts.submit(() -> {
          try (Database database = connect(url)) {
            ready.countDown();
            ready.await();
            return SchemaMigration.migrate(database);
          }
        }));
      }
    }

    List<SchemaMigration.Outcome> results = new ArrayList<>();
    for (Future<SchemaMigration.Outcome> outcome : outcomes) {
      results.add(outcome.get());
    }
    assertThat(results).filteredOn(o -> o.from() == 0).as("created once").hasSize(1);
    assertThat(results).filteredOn(o -> o.from() == 1 && o.to() == 1).hasSize(replicas - 1);
    assertThat(results.stream().map(SchemaMigration.Outcome::describe).distinct())
        .containsExactlyInAnyOrder("created at version 1", "at version 1, up to date");
    try (Connection connection = postgres.connect(url);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM agent_schema_version")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void aSchemaNewerThanThisRuntimeStopsTheStartWithoutTouchingIt() throws Exception {
    String url = postgres.createDatabase();
    try (Database database = connect(url)) {
      SchemaMigration.migrate(database);
    }
    try (Connection connection = postgres.connect(url); Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO agent_schema_version (version, name) VALUES (7, 'from the future')");
    }

    try (Database database = connect(url)) {
      assertThatThrownBy(() -> SchemaMigration.migrate(database))
          .isInstanceOf(WorkflowException.class)
          .hasMessageContaining("schema is at version 7, newer than this runtime knows (1)")
          .hasMessageContaining("run that version (or a newer one)");
    }
  }

  @Test
  void aSchemaNamedInTheUrlThatDoesNotExistIsReportedClearly() throws Exception {
    String url = postgres.createDatabase() + "?currentSchema=no_such_schema";

    try (Database database = connect(url)) {
      assertThatThrownBy(() -> SchemaMigration.migrate(database))
          .isInstanceOf(WorkflowException.class)
          .hasMessageContaining("no schema to create its tables in")
          .hasMessageContaining("currentSchema in JOB_STORE_URL");
    }
  }

  private static Database connect(String url) {
    PostgresSettings settings =
        new PostgresSettings(url, Optional.of(PostgresServer.USER), Optional.of(postgres.password()), Duration.ofSeconds(30));
    return Database.connect(settings, "schema-migration-test", Duration.ofSeconds(10));
  }
}
