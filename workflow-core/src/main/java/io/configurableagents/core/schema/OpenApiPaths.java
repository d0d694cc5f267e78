package io.configurableagents.core.schema;

import static io.configurableagents.core.schema.SchemaJson.ref;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.Workflow;

/** The {@code paths} of the OpenAPI document: the endpoint table of docs/runtime.md ("Endpoints"), row by row. */
final class OpenApiPaths {
  static final String TAG_WORKFLOW = "workflow";
  static final String TAG_JOBS = "jobs";
  static final String TAG_SERVICE = "service";

  private OpenApiPaths() {}

  static ObjectNode of(Workflow workflow, OpenApiDocument.Security security) {
    ObjectNode paths = SchemaJson.object();
    paths.putObject("/").set("get", simpleGet("describeService", "What this service runs, with links to its endpoints",
        ApiSchemas.SERVICE_INFO));
    paths.putObject("/run").set("post", run(workflow));
    ObjectNode status = paths.putObject("/status/{job_id}");
    status.putArray("parameters").add(OpenApiComponents.parameterRef(OpenApiComponents.JOB_ID));
    status.set("get", jobStatus());
    status.set("delete", cancel());
    ObjectNode health = simpleGet("checkHealth", "Whether the service is up", ApiSchemas.HEALTH);
    health.putArray("security");
    paths.putObject("/health").set("get", health);
    paths.putObject("/schema").set("get", simpleGet("describeWorkflow",
        "The workflow's inputs (as the Python tool showed them) and the JSON Schemas of its inputs and result",
        ApiSchemas.SCHEMA_DESCRIPTION));
    paths.putObject("/openapi").set("get", openApi());
    paths.putObject("/docs").set("get", docs());
    if (security == OpenApiDocument.Security.API_KEYS) {
      paths.forEach(path -> path.properties().stream()
          .filter(e -> e.getValue().has("responses") && !e.getValue().has("security"))
          .forEach(e -> ((ObjectNode) e.getValue().get("responses"))
              .set("401", OpenApiComponents.responseRef(OpenApiComponents.UNAUTHORIZED))));
    }
    return paths;
  }

  private static ObjectNode run(Workflow workflow) {
    ObjectNode op = operation(TAG_WORKFLOW, "runWorkflow", "Run the workflow");
    op.put("description", "Validates and coerces the inputs, then runs the workflow once. Waits for the outcome up to"
        + " the server's sync timeout (`?wait=SECONDS` or `Prefer: wait=SECONDS` changes that within the server's"
        + " maximum; `Prefer: respond-async` does not wait). Done in time: 200 with the outputs. Not done: 202 with"
        + " `Location: /status/{job_id}` while the same execution goes on in the background (never a second run).");
    ArrayNode parameters = op.putArray("parameters");
    parameters.add(OpenApiComponents.parameterRef(OpenApiComponents.WAIT));
    parameters.add(OpenApiComponents.parameterRef(OpenApiComponents.PREFER));
    ObjectNode body = op.putObject("requestBody");
    body.put("description", "The inputs as a JSON object, one property per state field.");
    body.put("required", true);
    ObjectNode json = body.putObject("content").putObject("application/json");
    json.set("schema", ref(ApiSchemas.RUN_INPUTS));
    json.set("example", ExampleInputs.of(workflow));

    ObjectNode responses = op.putObject("responses");
    responses.set("200", jsonResponse("The run finished in time: its outputs", ref(ApiSchemas.RUN_SUCCEEDED)));
    ObjectNode accepted = jsonResponse("The run goes on in the background; poll `Location`", ref(ApiSchemas.RUN_ACCEPTED));
    accepted.putObject("headers").set("Location", OpenApiComponents.headerRef(OpenApiComponents.LOCATION));
    responses.set("202", accepted);
    responses.set("400", OpenApiComponents.responseRef(OpenApiComponents.BAD_REQUEST));
    responses.set("409", jsonResponse("The run was cancelled while this request waited", ref(ApiSchemas.RUN_CANCELLED)));
    responses.set("413", OpenApiComponents.responseRef(OpenApiComponents.PAYLOAD_TOO_LARGE));
    responses.set("415", OpenApiComponents.responseRef(OpenApiComponents.UNSUPPORTED_MEDIA_TYPE));
    responses.set("422", jsonResponse("The inputs do not fit the workflow's state: every problem, by field",
        ref(ApiSchemas.INVALID_INPUTS)));
    responses.set("429", OpenApiComponents.responseRef(OpenApiComponents.TOO_MANY_RUNS));
    responses.set("500", jsonResponse("The run failed (not because of an LLM provider), or the server failed to answer",
        failedOrError()));
    responses.set("502", jsonResponse("The run failed because an LLM provider failed", ref(ApiSchemas.RUN_FAILED)));
    responses.set("503", OpenApiComponents.responseRef(OpenApiComponents.SERVICE_UNAVAILABLE));
    return op;
  }

  private static ObjectNode jobStatus() {
    ObjectNode op = operation(TAG_JOBS, "getJob", "A run's job: its status and, once ended, its outputs or error");
    ObjectNode responses = op.putObject("responses");
    responses.set("200", jsonResponse("The job as it is now", ref(ApiSchemas.JOB)));
    responses.set("404", OpenApiComponents.responseRef(OpenApiComponents.JOB_NOT_FOUND));
    responses.set("4XX", OpenApiComponents.responseRef(OpenApiComponents.CLIENT_ERROR));
    return op;
  }

  private static ObjectNode cancel() {
    ObjectNode op = operation(TAG_JOBS, "cancelJob", "Cancel a pending or running job");
    op.put("description", "The job ends as `cancelled`; an LLM call in progress is abandoned. A job that has already"
        + " ended cannot be cancelled (409).");
    ObjectNode responses = op.putObject("responses");
    responses.set("200", jsonResponse("The job, now cancelled", ref(ApiSchemas.JOB)));
    responses.set("404", OpenApiComponents.responseRef(OpenApiComponents.JOB_NOT_FOUND));
    responses.set("409", jsonResponse("The job has already ended (completed, failed or cancelled)",
        ref(ApiSchemas.ERROR_RESPONSE)));
    responses.set("4XX", OpenApiComponents.responseRef(OpenApiComponents.CLIENT_ERROR));
    return op;
  }

  private static ObjectNode openApi() {
    ObjectNode op = operation(TAG_SERVICE, "getOpenApiDocument", "This document");
    op.put("description", "YAML unless `Accept` asks for JSON; `/openapi.yaml` and `/openapi.json` choose by suffix.");
    ObjectNode responses = op.putObject("responses");
    ObjectNode ok = responses.putObject("200");
    ok.put("description", "The OpenAPI document of this service");
    ObjectNode content = ok.putObject("content");
    content.putObject("application/yaml").set("schema", SchemaJson.object().put("type", "string"));
    content.putObject("application/json").set("schema", SchemaJson.object().put("type", "object"));
    responses.set("406", OpenApiComponents.responseRef(OpenApiComponents.NOT_ACCEPTABLE));
    responses.set("4XX", OpenApiComponents.responseRef(OpenApiComponents.CLIENT_ERROR));
    return op;
  }

  private static ObjectNode docs() {
    ObjectNode op = operation(TAG_SERVICE, "getDocsPage", "An interactive page over this document");
    ObjectNode responses = op.putObject("responses");
    ObjectNode ok = responses.putObject("200");
    ok.put("description", "An HTML page");
    ok.putObject("content").putObject("text/html").set("schema", SchemaJson.object().put("type", "string"));
    responses.set("4XX", OpenApiComponents.responseRef(OpenApiComponents.CLIENT_ERROR));
    return op;
  }

  private static ObjectNode simpleGet(String operationId, String summary, String schema) {
    ObjectNode op = operation(TAG_SERVICE, operationId, summary);
    ObjectNode responses = op.putObject("responses");
    responses.set("200", jsonResponse(summary, ref(schema)));
    responses.set("4XX", OpenApiComponents.responseRef(OpenApiComponents.CLIENT_ERROR));
    return op;
  }

  private static ObjectNode operation(String tag, String operationId, String summary) {
    ObjectNode op = SchemaJson.object();
    op.putArray("tags").add(tag);
    op.put("operationId", operationId);
    op.put("summary", summary);
    return op;
  }

  static ObjectNode jsonResponse(String description, ObjectNode schema) {
    ObjectNode response = SchemaJson.object().put("description", description);
    response.putObject("content").putObject("application/json").set("schema", schema);
    return response;
  }

  /**
   * A failed run or a request error: both carry {@code error}, so a body could pass as either;
   * their {@code status} ({@code failed} or {@code error}) tells them apart.
   */
  private static ObjectNode failedOrError() {
    ObjectNode schema = SchemaJson.object();
    schema.putArray("oneOf").add(ref(ApiSchemas.RUN_FAILED)).add(ref(ApiSchemas.ERROR_RESPONSE));
    ObjectNode discriminator = schema.putObject("discriminator").put("propertyName", "status");
    discriminator.putObject("mapping")
        .put("failed", "#/components/schemas/" + ApiSchemas.RUN_FAILED)
        .put("error", "#/components/schemas/" + ApiSchemas.ERROR_RESPONSE);
    return schema;
  }
}
