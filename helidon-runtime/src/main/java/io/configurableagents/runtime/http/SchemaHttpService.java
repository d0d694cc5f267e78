package io.configurableagents.runtime.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.schema.SchemaDescription;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /schema}: the inputs as the Python tool showed them plus the JSON Schemas of the inputs
 * and of the result ({@link SchemaDescription}, from workflow-core). Built once at start: the
 * workflow does not change while the process runs.
 */
public final class SchemaHttpService implements HttpService {
  private final ObjectNode schema;

  public SchemaHttpService(Workflow workflow) {
    this.schema = SchemaDescription.of(workflow);
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/schema", this::schema);
  }

  private void schema(ServerRequest req, ServerResponse res) {
    Json.send(res, Status.OK_200, schema);
  }
}
