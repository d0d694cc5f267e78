package io.configurableagents.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.validate.ValidationReport;
import io.configurableagents.deploy.HelpfulSuggestions;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Workflow section: {@code POST /api/validate} (the diagnostics of workflow:validate, as the
 * page types; with the environment's findings for this workflow when one is set),
 * {@code GET /api/files} (the project's workflow files) and {@code GET /api/files/content}.
 */
final class WorkflowHttpService implements HttpService {
  private final ProjectFiles files;
  private final Optional<Path> initialFile;
  private final SessionEnv env;
  private final HelpfulSuggestions suggestions;

  WorkflowHttpService(ProjectFiles files, Optional<Path> initialFile, SessionEnv env, HelpfulSuggestions suggestions) {
    this.files = files;
    this.initialFile = initialFile;
    this.env = env;
    this.suggestions = suggestions;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .post("/validate", this::validate)
        .get("/files", this::list)
        .get("/files/content", this::content);
  }

  private void validate(ServerRequest req, ServerResponse res) {
    WorkflowText workflow = WorkflowText.from(JsonBody.read(req, WorkflowText.MAX_REQUEST_BYTES, WorkflowText.LIMIT));
    ValidationReport report = workflow.validate();
    ObjectNode body = WorkflowText.json(report);
    if (env.isSet()) {
      body.set("environment", env.view(report.workflow(), suggestions));
    }
    Json.ok(res, body);
  }

  private void list(ServerRequest req, ServerResponse res) {
    ObjectNode body = Json.object().put("directory", files.directory().toString());
    ArrayNode list = body.putArray("files");
    files.list().forEach(list::add);
    initialFile.flatMap(files::relativeName).filter(files.list()::contains).ifPresent(f -> body.put("initial", f));
    Json.ok(res, body);
  }

  private void content(ServerRequest req, ServerResponse res) {
    String path = req.query().first("path").asOptional().filter(p -> !p.isBlank())
        .orElseThrow(() -> ConsoleProblem.badRequest("missing_path", "Name the file with ?path=, as /api/files lists it"));
    WorkflowText workflow = files.read(path);
    Json.ok(res, Json.object().put("path", path).put("fileName", workflow.fileName()).put("text", workflow.text()));
  }
}
