package io.configurableagents.runtime.trace;

import io.configurableagents.core.model.MlflowSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where traces are exported: an MLflow server ({@code tracking_uri} or {@code MLFLOW_TRACKING_URI},
 * at {@code <uri>/v1/traces}) and an OpenTelemetry collector ({@code OTEL_EXPORTER_OTLP_*}).
 */
final class ExportTargets {
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  private static final String TRACES_PATH = "/v1/traces";

  private final EnvReader env;

  ExportTargets(EnvReader env) {
    this.env = env;
  }

  List<ExportTarget> of(MlflowSpec mlflow) {
    List<ExportTarget> targets = new ArrayList<>();
    mlflow(mlflow).ifPresent(targets::add);
    collector().ifPresent(targets::add);
    return targets;
  }

  /** The environment's {@code MLFLOW_TRACKING_URI} wins over the file's, so a deployment can redirect. */
  private Optional<ExportTarget> mlflow(MlflowSpec mlflow) {
    Optional<String> fromEnv = env.text("MLFLOW_TRACKING_URI");
    Optional<String> uri = fromEnv.or(mlflow::trackingUri).filter(ExportTargets::isHttp);
    if (uri.isEmpty()) {
      return Optional.empty();
    }
    String source = fromEnv.isPresent() ? "MLFLOW_TRACKING_URI" : "config.observability.mlflow.tracking_uri";
    Map<String, String> headers = new LinkedHashMap<>();
    Optional<String> id = experimentId(mlflow);
    id.ifPresent(i -> headers.put(MlflowExperiments.EXPERIMENT_HEADER, i));
    env.text("MLFLOW_TRACKING_TOKEN").ifPresent(t -> headers.put("Authorization", "Bearer " + t));
    env.text("MLFLOW_TRACKING_USERNAME").ifPresent(user -> headers.put("Authorization", basic(user)));
    String name = env.text("MLFLOW_EXPERIMENT_NAME").orElse(mlflow.experimentName());
    return endpoint(source, uri.get(), true).map(e -> new ExportTarget("MLflow", e, headers, timeout(), gzip(),
        id.isPresent() ? Optional.empty() : Optional.of(new ExportTarget.ExperimentByName(trackingUri(e), name))));
  }

  /** The server an MLflow endpoint ({@code <uri>/v1/traces}) belongs to. */
  private static URI trackingUri(URI tracesEndpoint) {
    String url = tracesEndpoint.toString();
    return URI.create(url.substring(0, url.length() - TRACES_PATH.length()));
  }

  /**
   * The experiment's id when the settings give one: the environment's {@code MLFLOW_EXPERIMENT_ID},
   * else the file's {@code experiment_id} unless the environment names an experiment
   * ({@code MLFLOW_EXPERIMENT_NAME}); empty when the experiment is named (looked up by name).
   */
  private Optional<String> experimentId(MlflowSpec mlflow) {
    Optional<String> fromEnv = env.text("MLFLOW_EXPERIMENT_ID");
    if (fromEnv.isPresent() || env.text("MLFLOW_EXPERIMENT_NAME").isPresent()) {
      return fromEnv;
    }
    return mlflow.experimentId().map(String::strip).filter(s -> !s.isEmpty());
  }

  private Optional<ExportTarget> collector() {
    if (env.bool("OTEL_SDK_DISABLED", false) || !env.text("OTEL_TRACES_EXPORTER").map(v -> v.contains("otlp")).orElse(true)) {
      return Optional.empty();
    }
    Optional<URI> endpoint =
        env.text("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
            .flatMap(u -> endpoint("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", u, false))
            .or(() -> env.text("OTEL_EXPORTER_OTLP_ENDPOINT").flatMap(u -> endpoint("OTEL_EXPORTER_OTLP_ENDPOINT", u, true)));
    boolean named = env.text("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT").or(() -> env.text("OTEL_EXPORTER_OTLP_ENDPOINT")).isPresent();
    if (!named || !protocolSupported() || endpoint.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> headers = new LinkedHashMap<>(env.pairs("OTEL_EXPORTER_OTLP_HEADERS"));
    headers.putAll(env.pairs("OTEL_EXPORTER_OTLP_TRACES_HEADERS"));
    return Optional.of(new ExportTarget("OpenTelemetry collector", endpoint.get(), headers, timeout(), gzip()));
  }

  private boolean protocolSupported() {
    String name = env.text("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL").isPresent()
        ? "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL" : "OTEL_EXPORTER_OTLP_PROTOCOL";
    Optional<String> protocol = env.text(name);
    if (protocol.isPresent() && !protocol.get().equals("http/protobuf")) {
      env.problem(name, protocol.get(), "is not supported: this runtime exports OTLP over HTTP with protobuf only (set http/protobuf or unset it)");
      return false;
    }
    return true;
  }

  private Optional<URI> endpoint(String name, String value, boolean appendPath) {
    try {
      URI uri = new URI(value);
      if (!isHttp(value) || uri.getHost() == null) {
        env.problem(name, value, "is not an http:// or https:// URL with a host");
        return Optional.empty();
      }
      String base = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
      return Optional.of(URI.create(appendPath ? base + TRACES_PATH : value));
    } catch (URISyntaxException e) {
      env.problem(name, value, "is not a valid URL: " + e.getReason());
      return Optional.empty();
    }
  }

  private Duration timeout() {
    int fallback = (int) DEFAULT_TIMEOUT.toMillis();
    String name = env.text("OTEL_EXPORTER_OTLP_TRACES_TIMEOUT").isPresent() ? "OTEL_EXPORTER_OTLP_TRACES_TIMEOUT" : "OTEL_EXPORTER_OTLP_TIMEOUT";
    return Duration.ofMillis(env.integer(name, fallback, 1, 600_000));
  }

  private boolean gzip() {
    String name = env.text("OTEL_EXPORTER_OTLP_TRACES_COMPRESSION").isPresent()
        ? "OTEL_EXPORTER_OTLP_TRACES_COMPRESSION" : "OTEL_EXPORTER_OTLP_COMPRESSION";
    return env.text(name).map(v -> v.equalsIgnoreCase("gzip")).orElse(false);
  }

  private String basic(String user) {
    String password = env.text("MLFLOW_TRACKING_PASSWORD").orElse("");
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isHttp(String uri) {
    String lower = uri.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }
}
