package io.configurableagents.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configurableagents.core.WorkflowException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

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
}
