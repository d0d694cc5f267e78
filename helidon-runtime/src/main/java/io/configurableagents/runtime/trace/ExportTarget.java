package io.configurableagents.runtime.trace;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One OTLP/HTTP destination for traces.
 *
 * @param name what log lines call it, e.g. {@code MLflow} (never a header value)
 * @param endpoint the full URL spans are posted to, e.g. {@code http://mlflow:5000/v1/traces}
 * @param headers sent with every request (the MLflow experiment id, credentials)
 * @param timeout for one request, connecting included
 * @param gzip whether bodies are sent gzip-compressed
 * @param experimentByName for MLflow: the experiment to look up (or create) by name, whose id then
 *     goes in the {@code x-mlflow-experiment-id} header; empty when the headers hold the id
 */
public record ExportTarget(
    String name, URI endpoint, Map<String, String> headers, Duration timeout, boolean gzip, Optional<ExperimentByName> experimentByName) {

  /** An MLflow experiment named in the settings, on the server at {@code trackingUri}. */
  public record ExperimentByName(URI trackingUri, String name) {
    public ExperimentByName {
      Objects.requireNonNull(trackingUri, "trackingUri");
      Objects.requireNonNull(name, "name");
    }
  }

  /** A target whose headers are complete. */
  public ExportTarget(String name, URI endpoint, Map<String, String> headers, Duration timeout, boolean gzip) {
    this(name, endpoint, headers, timeout, gzip, Optional.empty());
  }

  public ExportTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(endpoint, "endpoint");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(experimentByName, "experimentByName");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
  }

  /** The name and the endpoint without credentials or query (what log lines may show). */
  @Override
  public String toString() {
    return name + " (" + endpoint.getScheme() + "://" + endpoint.getHost() + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort())
        + (endpoint.getPath() == null ? "" : endpoint.getPath()) + ")"
        + experimentByName.map(e -> ", experiment \"" + e.name() + "\" (looked up by name, created when missing)").orElse("");
  }
}
