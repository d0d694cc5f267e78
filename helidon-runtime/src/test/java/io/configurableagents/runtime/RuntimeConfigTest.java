package io.configurableagents.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configurableagents.core.WorkflowException;
import io.configurableagents.runtime.http.AccessSettings;
import io.configurableagents.runtime.jobs.postgres.PostgresSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeConfigTest {

  @Test
  void defaultsAreTheContainerLayout() {
    RuntimeConfig config = RuntimeConfig.fromEnvironment(Map.of());

    assertThat(config.workflowFile()).isEqualTo(Path.of("/app/workflow.yaml"));
    assertThat(config.port()).isEqualTo(8000);
    assertThat(config.tracesPort()).isEqualTo(OptionalInt.of(5000));
    assertThat(config.dataDir()).isEqualTo(Path.of("/app/data"));
    assertThat(config.syncTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.maxWait()).isEqualTo(Duration.ofSeconds(300));
    assertThat(config.maxBodyBytes()).isEqualTo(1_048_576);
    assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(20));
    assertThat(config.maxRunsInFlight()).isEmpty();
    assertThat(config.jobRetention()).isEqualTo(Duration.ofDays(7));
    assertThat(config.jobRetentionCount()).isEqualTo(10_000);
    assertThat(config.jobStore()).as("the embedded store").isEmpty();
  }

  @Test
  void aJobStoreUrlSwitchesToPostgresWithItsUserPasswordAndLease() {
    RuntimeConfig config =
        RuntimeConfig.fromEnvironment(
            Map.of(
                "JOB_STORE_URL", "jdbc:postgresql://db:5432/jobs",
                "JOB_STORE_USER", "agents",
                "JOB_STORE_PASSWORD", "s3cret",
                "JOB_LEASE_SECONDS", "12"));

    PostgresSettings store = config.jobStore().orElseThrow();
    assertThat(store.url()).isEqualTo("jdbc:postgresql://db:5432/jobs");
    assertThat(store.user()).hasValue("agents");
    assertThat(store.password()).hasValue("s3cret");
    assertThat(store.lease()).isEqualTo(Duration.ofSeconds(12));
    assertThat(RuntimeConfig.fromEnvironment(Map.of("JOB_STORE_URL", "jdbc:postgresql://db/jobs")).jobStore().orElseThrow().lease())
        .as("the default lease")
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aJobStoreUrlThatIsNotPostgresOrCredentialsWithoutUrlAreReportedWithoutThePassword() {
    assertThatThrownBy(() -> RuntimeConfig.fromEnvironment(Map.of("JOB_STORE_URL", "postgres://db/jobs?password=s3cret")))
        .isInstanceOf(WorkflowException.class)
        .hasMessageContaining("JOB_STORE_URL=\"postgres://db/jobs?...\" is not a PostgreSQL JDBC URL: write it as jdbc:postgresql://host:5432/database")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> RuntimeConfig.fromEnvironment(Map.of("JOB_STORE_PASSWORD", "s3cret", "JOB_LEASE_SECONDS", "1")))
        .isInstanceOf(WorkflowException.class)
        .hasMessageContaining("JOB_STORE_PASSWORD is set but JOB_STORE_URL is not")
        .hasMessageContaining("JOB_LEASE_SECONDS=\"1\" is not a whole number from 2 to 86400")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void theConnectionCapDefaultsToHalfTheDescriptorLimitAndAtMostTenThousand() {
    assertThat(RuntimeConfig.fromEnvironment(Map.of(), OptionalLong.of(1024)).connections())
        .isEqualTo(new ConnectionLimits(512, Duration.ofSeconds(75)));
    assertThat(RuntimeConfig.fromEnvironment(Map.of(), OptionalLong.of(1_048_576)).connections().maxConnections()).isEqualTo(10_000);
    assertThat(RuntimeConfig.fromEnvironment(Map.of(), OptionalLong.empty()).connections().maxConnections()).isEqualTo(10_000);
    assertThat(RuntimeConfig.fromEnvironment(Map.of("MAX_CONNECTIONS", "300", "IDLE_TIMEOUT", "2"), OptionalLong.of(1024)).connections())
        .isEqualTo(new ConnectionLimits(300, Duration.ofSeconds(2)));
  }

  @Test
  void providerConnectionsDefaultToAQuarterOfTheDescriptorLimitAndAtMostFiveThousand() {
    assertThat(RuntimeConfig.fromEnvironment(Map.of(), OptionalLong.of(1024)).maxProviderConnections()).isEqualTo(256);
    assertThat(RuntimeConfig.fromEnvironment(Map.of(), OptionalLong.of(1_048_576)).maxProviderConnections()).isEqualTo(5_000);
    assertThat(RuntimeConfig.fromEnvironment(Map.of(), OptionalLong.empty()).maxProviderConnections()).isEqualTo(5_000);
    assertThat(RuntimeConfig.fromEnvironment(Map.of("MAX_PROVIDER_CONNECTIONS", "40"), OptionalLong.of(1024)).maxProviderConnections())
        .isEqualTo(40);
    assertThatThrownBy(() -> RuntimeConfig.fromEnvironment(Map.of("MAX_PROVIDER_CONNECTIONS", "0")))
        .hasMessageContaining("MAX_PROVIDER_CONNECTIONS=\"0\" is not a whole number from 1 to");
  }

  @Test
  void idleConnectionsAreLookedForAtLeastEveryFiveSeconds() {
    assertThat(new ConnectionLimits(10, Duration.ofSeconds(75)).idleCheckPeriod()).isEqualTo(Duration.ofSeconds(5));
    assertThat(new ConnectionLimits(10, Duration.ofSeconds(2)).idleCheckPeriod()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void theDescriptorLimitIsTheSoftLimitOfProcSelfLimits() {
    List<String> limits =
        List.of(
            "Limit                     Soft Limit           Hard Limit           Units     ",
            "Max open files            1024                 4096                 files     ");

    assertThat(DescriptorLimit.parse(limits)).hasValue(1024);
    assertThat(DescriptorLimit.parse(List.of("Max open files            unlimited            unlimited            files"))).isEmpty();
    assertThat(DescriptorLimit.parse(List.of())).isEmpty();
  }

  @Test
  void zeroTurnsTheTracesPortAndTheCapOff() {
    RuntimeConfig config = RuntimeConfig.fromEnvironment(Map.of("TRACES_PORT", "0", "MAX_RUNS_IN_FLIGHT", "0"));

    assertThat(config.tracesPort()).isEmpty();
    assertThat(config.maxRunsInFlight()).isEmpty();
    assertThat(RuntimeConfig.fromEnvironment(Map.of("MAX_RUNS_IN_FLIGHT", "64")).maxRunsInFlight()).hasValue(64);
  }

  @Test
  void theLargestWaitIsNeverBelowTheSyncTimeout() {
    RuntimeConfig config = RuntimeConfig.fromEnvironment(Map.of("SYNC_TIMEOUT", "600", "MAX_WAIT", "60"));

    assertThat(config.maxWait()).isEqualTo(Duration.ofSeconds(600));
  }

  @Test
  void everyBadValueIsReportedAtOnceByName() {
    assertThatThrownBy(() -> RuntimeConfig.fromEnvironment(Map.of("PORT", "http", "SHUTDOWN_GRACE", "20s", "MAX_BODY_BYTES", "0")))
        .isInstanceOf(WorkflowException.class)
        .hasMessageContaining("PORT=\"http\" is not a whole number from 0 to 65535 (unset it to use the default, 8000)")
        .hasMessageContaining("SHUTDOWN_GRACE=\"20s\" is not a whole number from 0 to 3600")
        .hasMessageContaining("MAX_BODY_BYTES=\"0\" is not a whole number from 1 to");
  }

  @Test
  void apiKeysComeFromTheVariableAndTheFileAndAreNeverPrinted(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("keys"), "# one key a line\nfile-key-0123456789\n\n");
    RuntimeConfig config = RuntimeConfig.fromEnvironment(Map.of("API_KEYS", "env-key-one, env-key-two,", "API_KEYS_FILE", file.toString()));

    assertThat(config.access().keys().count()).isEqualTo(3);
    assertThat(config.toString()).contains("3 API key(s)").doesNotContain("env-key-one").doesNotContain("file-key-0123456789");
    assertThat(RuntimeConfig.fromEnvironment(Map.of()).access()).isEqualTo(AccessSettings.OPEN);
  }

  @Test
  void theBurstDefaultsToOneSecondOfTheRateLimit() {
    AccessSettings access = RuntimeConfig.fromEnvironment(Map.of("RATE_LIMIT", "2.5", "MAX_RUNS_IN_FLIGHT_PER_KEY", "4")).access();

    assertThat(access.rateLimit()).hasValue(new AccessSettings.RateLimit(2.5, 3));
    assertThat(access.maxRunsInFlightPerCaller()).hasValue(4);
  }

  @Test
  void aKeyFileThatCannotBeReadOrHoldsNoKeyStopsTheStartNamingIt(@TempDir Path dir) throws IOException {
    Path empty = Files.writeString(dir.resolve("empty"), "# nothing yet\n");

    assertThatThrownBy(() -> RuntimeConfig.fromEnvironment(Map.of("API_KEYS_FILE", dir.resolve("missing").toString(), "RATE_LIMIT", "fast")))
        .isInstanceOf(WorkflowException.class)
        .hasMessageContaining("API_KEYS_FILE=" + dir.resolve("missing") + " cannot be read (NoSuchFileException); mount the file or unset API_KEYS_FILE")
        .hasMessageContaining("RATE_LIMIT=\"fast\" is not a number from 0.0 to 1000000.0 (unset it for no limit)");
    assertThatThrownBy(() -> RuntimeConfig.fromEnvironment(Map.of("API_KEYS_FILE", empty.toString())))
        .hasMessageContaining("API_KEYS_FILE=" + empty + " holds no key (one key a line)");
  }

  @Test
  void theTracesPageCannotShareTheApiPort() {
    assertThatThrownBy(() -> RuntimeConfig.fromEnvironment(Map.of("PORT", "9000", "TRACES_PORT", "9000")))
        .isInstanceOf(WorkflowException.class)
        .hasMessageContaining("TRACES_PORT and PORT are both 9000; give the traces page another port, or TRACES_PORT=0 to turn it off");
    assertThat(RuntimeConfig.fromEnvironment(Map.of("PORT", "0", "TRACES_PORT", "0")).tracesPort()).isEmpty();
  }
}
