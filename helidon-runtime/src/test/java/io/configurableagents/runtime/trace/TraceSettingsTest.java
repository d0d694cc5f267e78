package io.configurableagents.runtime.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configurableagents.core.WorkflowException;
import io.configurableagents.core.model.MlflowSpec;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TraceSettingsTest {
  private static MlflowSpec mlflow(String trackingUri, String experimentId, boolean logPrompts) {
    return new MlflowSpec(true, Optional.ofNullable(trackingUri), "configurable_agents", Optional.ofNullable(experimentId),
        Optional.empty(), logPrompts);
  }

  @Test
  void withNothingConfiguredTracesAreKeptLocallyWithPromptsAndNotExported() {
    TraceSettings settings = TraceSettings.of("story", MlflowSpec.DEFAULT, Map.of());

    assertThat(settings.logPrompts()).isTrue();
    assertThat(settings.exportTargets()).isEmpty();
    assertThat(settings.retention()).isEqualTo(new TraceRetention(Duration.ofHours(168), 1_000));
    assertThat(settings.serviceName()).isEqualTo("story");
  }

  @Test
  void theWorkflowsTrackingUriExportsToItsV1TracesWithTheExperimentIdHeader() {
    TraceSettings settings = TraceSettings.of("story", mlflow("http://mlflow:5000", "7", true), Map.of());

    ExportTarget target = settings.exportTargets().get(0);
    assertThat(target.endpoint()).isEqualTo(URI.create("http://mlflow:5000/v1/traces"));
    assertThat(target.headers()).containsEntry("x-mlflow-experiment-id", "7");
    assertThat(target.timeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void theEnvironmentRedirectsMlflowAndNamesACollectorAndATokenStaysASecret() {
    Map<String, String> env = Map.of(
        "MLFLOW_TRACKING_URI", "https://mlflow.example:8443/base", "MLFLOW_EXPERIMENT_ID", "12",
        "MLFLOW_TRACKING_TOKEN", "tok-0123456789",
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/custom/path", "OTEL_EXPORTER_OTLP_TIMEOUT", "800",
        "TRACES_LOG_PROMPTS", "false", "TRACES_RETENTION_HOURS", "2", "TRACES_RETENTION_COUNT", "10");

    TraceSettings settings = TraceSettings.of("story", mlflow("http://ignored:5000", "7", true), env);

    assertThat(settings.exportTargets()).extracting(ExportTarget::endpoint).containsExactly(
        URI.create("https://mlflow.example:8443/base/v1/traces"), URI.create("http://collector:4318/custom/path"));
    assertThat(settings.exportTargets().get(0).headers()).containsEntry("x-mlflow-experiment-id", "12")
        .containsEntry("Authorization", "Bearer tok-0123456789");
    assertThat(settings.exportTargets().get(1).timeout()).isEqualTo(Duration.ofMillis(800));
    assertThat(settings.logPrompts()).isFalse();
    assertThat(settings.retention()).isEqualTo(new TraceRetention(Duration.ofHours(2), 10));
    assertThat(settings.secrets()).contains("tok-0123456789");
  }

  @Test
  void eachApiKeyIsASecretOnItsOwn() {
    TraceSettings settings = TraceSettings.of("story", MlflowSpec.DEFAULT, Map.of("API_KEYS", "key-one-123, key-two-456"));

    assertThat(settings.secrets()).contains("key-one-123", "key-two-456");
  }

  @Test
  void aFileTrackingUriAndDisabledOpenTelemetryExportNothing() {
    Map<String, String> env = Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318", "OTEL_SDK_DISABLED", "true");

    assertThat(TraceSettings.of("story", mlflow("file://./mlruns", null, true), env).exportTargets()).isEmpty();
    assertThat(TraceSettings.of("story", MlflowSpec.DEFAULT, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318",
        "OTEL_TRACES_EXPORTER", "none")).exportTargets()).isEmpty();
  }

  @Test
  void valuesAreCutAfter65536CharactersUnlessTheEnvironmentSaysOtherwise() {
    assertThat(TraceSettings.of("story", MlflowSpec.DEFAULT, Map.of()).maxValueChars()).isEqualTo(65_536);
    assertThat(TraceSettings.of("story", MlflowSpec.DEFAULT, Map.of("TRACES_MAX_VALUE_CHARS", "4096")).maxValueChars()).isEqualTo(4_096);
  }

  @Test
  void everyBadVariableIsReportedAtOnceByName() {
    Map<String, String> env = Map.of(
        "TRACES_LOG_PROMPTS", "maybe", "TRACES_RETENTION_COUNT", "0", "OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318",
        "MLFLOW_TRACKING_URI", "http://mlflow:5000", "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc", "TRACES_MAX_VALUE_CHARS", "10");

    assertThatThrownBy(() -> TraceSettings.of("story", MlflowSpec.DEFAULT, env))
        .isInstanceOf(WorkflowException.class)
        .hasMessageContaining("TRACES_LOG_PROMPTS=\"maybe\" is not true or false")
        .hasMessageContaining("TRACES_RETENTION_COUNT=\"0\" is not a whole number from 1")
        .hasMessageContaining("OTEL_EXPORTER_OTLP_ENDPOINT=\"collector:4318\" is not an http:// or https:// URL")
        .hasMessageContaining("OTEL_EXPORTER_OTLP_PROTOCOL=\"grpc\" is not supported")
        .hasMessageContaining("TRACES_MAX_VALUE_CHARS=\"10\" is not a whole number from 100");
  }
}
