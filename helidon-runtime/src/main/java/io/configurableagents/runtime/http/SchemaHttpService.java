package io.configurableagents.runtime.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.StateField;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.schema.JsonSchemas;
import io.configurableagents.runtime.jobs.JobJson;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /schema}: the inputs as the Python tool showed them ({@code {field: {type, required,
 * default, description}}}, {@code outputs} as the list of state fields) plus the JSON Schemas of the
 * inputs and of the result. Built on the first request and kept: the workflow does not change while
 * the process runs.
 */
public final class SchemaHttpService implements HttpService {
  private final Workflow workflow;
  private volatile ObjectNode schema;

  public SchemaHttpService(Workflow workflow) {
    this.workflow = workflow;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/schema", this::schema);
  }

  private void schema(ServerRequest req, ServerResponse res) {
    ObjectNode body = schema;
    if (body == null) {
      body = describe(workflow);
      schema = body;
    }
    Json.send(res, Status.OK_200, body);
  }

  static ObjectNode describe(Workflow workflow) {
    ObjectNode body = Json.object();
    body.put("workflow", workflow.name());
    body.put("version", workflow.versionOrDefault());
    ObjectNode inputs = body.putObject("inputs");
    ArrayNode outputs = body.putArray("outputs");
    for (StateField field : workflow.state().values()) {
      ObjectNode entry = inputs.putObject(field.name());
      entry.put("type", field.type().typeString());
      entry.put("required", field.required());
      entry.set("default", JobJson.MAPPER.valueToTree(field.defaultValue().orElse(null)));
      entry.put("description", field.description().orElse(null));
      outputs.add(field.name());
    }
    body.set("input_schema", JsonSchemas.inputs(workflow));
    body.set("output_schema", JsonSchemas.result(workflow));
    return body;
  }
}
