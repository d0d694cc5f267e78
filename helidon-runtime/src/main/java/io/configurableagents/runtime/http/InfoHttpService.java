package io.configurableagents.runtime.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.Workflow;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code GET /}: what this service runs and where its endpoints are. */
public final class InfoHttpService implements HttpService {
  private final ObjectNode info;

  public InfoHttpService(Workflow workflow) {
    this.info = describe(workflow);
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/", this::info);
  }

  private void info(ServerRequest req, ServerResponse res) {
    Json.send(res, Status.OK_200, info);
  }

  private static ObjectNode describe(Workflow workflow) {
    ObjectNode body = Json.object();
    body.put("workflow", workflow.name());
    body.put("version", workflow.versionOrDefault());
    body.put("description", workflow.description().orElse(null));
    body.put("status", "running");
    ObjectNode endpoints = body.putObject("endpoints");
    endpoints.put("run", "POST /run");
    endpoints.put("status", "GET /status/{job_id}");
    endpoints.put("cancel", "DELETE /status/{job_id}");
    endpoints.put("health", "GET /health");
    endpoints.put("ready", "GET /observe/health/ready");
    endpoints.put("schema", "GET /schema");
    endpoints.put("openapi", "GET /openapi");
    endpoints.put("docs", "GET /docs");
    return body;
  }
}
