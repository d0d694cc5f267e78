package io.configurableagents.console;

import io.configurableagents.core.model.Workflow;
import io.configurableagents.deploy.HelpfulSuggestions;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * The Environment section: {@code POST /api/env} sets the session's environment from pasted or
 * uploaded {@code KEY=VALUE} lines and answers with the names, masked values and findings (against
 * the workflow sent along, when there is one); {@code DELETE /api/env} forgets it. No answer ever
 * holds a value.
 */
final class EnvHttpService implements HttpService {
  private static final int MAX_REQUEST_BYTES = WorkflowText.MAX_REQUEST_BYTES + 2 * SessionEnv.MAX_BYTES;

  private final SessionEnv env;
  private final HelpfulSuggestions suggestions;

  EnvHttpService(SessionEnv env, HelpfulSuggestions suggestions) {
    this.env = env;
    this.suggestions = suggestions;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .post("/", this::set)
        .delete("/", this::clear);
  }

  private void set(ServerRequest req, ServerResponse res) {
    JsonBody body = JsonBody.read(req, MAX_REQUEST_BYTES, SessionEnv.LIMIT + " and " + WorkflowText.LIMIT);
    String text = body.text("text");
    String fileName = body.optionalText("fileName").map(EnvHttpService::baseName).filter(n -> !n.isBlank())
        .orElse(".env");
    Optional<Workflow> workflow = body.optionalObject("workflow").map(WorkflowText::from)
        .flatMap(w -> w.validate().workflow());
    env.set(fileName, text);
    Json.ok(res, env.view(workflow, suggestions));
  }

  private void clear(ServerRequest req, ServerResponse res) {
    env.clear();
    Json.ok(res, env.view(Optional.empty(), suggestions));
  }

  private static String baseName(String name) {
    String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
    return base.length() > 60 ? base.substring(0, 60) : base;
  }
}
