package io.configurableagents.runtime.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MLflow experiment spans go to when the settings name it rather than give its id
 * ({@code experiment_name}, {@code MLFLOW_EXPERIMENT_NAME}; {@code docs/traces.md}): looked up by
 * name in MLflow's REST API ({@code GET /api/2.0/mlflow/experiments/get-by-name}), created when
 * missing ({@code POST /api/2.0/mlflow/experiments/create}), then remembered. Runs on the export
 * thread, so a slow or absent MLflow never reaches a run; a failed lookup is retried with the
 * next batch after the target's pause.
 */
final class MlflowExperiments {
  static final String EXPERIMENT_HEADER = "x-mlflow-experiment-id";
  private static final System.Logger LOG = System.getLogger(OtlpExporter.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final Map<ExportTarget, String> ids = new ConcurrentHashMap<>();

  MlflowExperiments(HttpClient http) {
    this.http = http;
  }

  /** The headers of an export to {@code target}: its own, with the experiment's id once it is known. */
  Map<String, String> headers(ExportTarget target) throws IOException, InterruptedException {
    if (target.experimentByName().isEmpty()) {
      return target.headers();
    }
    ExportTarget.ExperimentByName experiment = target.experimentByName().get();
    String id = ids.get(target);
    if (id == null) {
      id = lookUpOrCreate(target, experiment);
      ids.put(target, id);
      LOG.log(Level.INFO, "traces: MLflow experiment \"" + experiment.name() + "\" has id " + id);
    }
    Map<String, String> headers = new LinkedHashMap<>(target.headers());
    headers.put(EXPERIMENT_HEADER, id);
    return headers;
  }

  private String lookUpOrCreate(ExportTarget target, ExportTarget.ExperimentByName experiment)
      throws IOException, InterruptedException {
    HttpResponse<String> found = send(target, HttpRequest.newBuilder(api(experiment, "experiments/get-by-name?experiment_name="
        + URLEncoder.encode(experiment.name(), StandardCharsets.UTF_8))).GET());
    if (found.statusCode() == 200) {
      JsonNode e = JSON.readTree(found.body()).path("experiment");
      if ("deleted".equals(e.path("lifecycle_stage").asText())) {
        throw new IOException("the MLflow experiment \"" + experiment.name() + "\" is deleted; restore it in MLflow or name another");
      }
      return id(e.path("experiment_id"), "get-by-name");
    }
    if (!errorCode(found).equals("RESOURCE_DOES_NOT_EXIST")) {
      throw unexpected("looking up the experiment \"" + experiment.name() + "\"", found);
    }
    String body = JSON.writeValueAsString(Map.of("name", experiment.name()));
    HttpResponse<String> created = send(target, HttpRequest.newBuilder(api(experiment, "experiments/create"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    if (created.statusCode() == 200) {
      LOG.log(Level.INFO, "traces: created the MLflow experiment \"" + experiment.name() + "\"");
      return id(JSON.readTree(created.body()).path("experiment_id"), "create");
    }
    if (errorCode(created).equals("RESOURCE_ALREADY_EXISTS")) { // another replica created it meanwhile
      return lookUpOrCreate(target, experiment);
    }
    throw unexpected("creating the experiment \"" + experiment.name() + "\"", created);
  }

  private HttpResponse<String> send(ExportTarget target, HttpRequest.Builder request) throws IOException, InterruptedException {
    request.timeout(target.timeout());
    target.headers().forEach((name, value) -> {
      if (!name.equalsIgnoreCase(EXPERIMENT_HEADER)) {
        request.header(name, value);
      }
    });
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI api(ExportTarget.ExperimentByName experiment, String path) {
    String base = experiment.trackingUri().toString().replaceAll("/+$", "");
    return URI.create(base + "/api/2.0/mlflow/" + path);
  }

  private static String errorCode(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body()).path("error_code").asText("");
    } catch (IOException e) {
      return "";
    }
  }

  private static String id(JsonNode id, String call) throws IOException {
    if (!id.isTextual() && !id.isNumber()) {
      throw new IOException("MLflow's " + call + " answer has no experiment_id");
    }
    return id.asText();
  }

  private static IOException unexpected(String what, HttpResponse<String> response) {
    String code = errorCode(response);
    return new IOException(what + ": MLflow answered HTTP " + response.statusCode() + (code.isEmpty() ? "" : " " + code));
  }
}
