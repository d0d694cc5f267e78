package io.configurableagents.core.schema;

import static io.configurableagents.core.schema.SchemaJson.ref;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.Workflow;

/** The {@code components} of the OpenAPI document: schemas, and the parameters, headers and responses paths share. */
final class OpenApiComponents {
  static final String JOB_ID = "JobId";
  static final String WAIT = "Wait";
  static final String PREFER = "Prefer";
  static final String LOCATION = "Location";
  static final String RETRY_AFTER = "RetryAfter";
  static final String BAD_REQUEST = "BadRequest";
  static final String PAYLOAD_TOO_LARGE = "PayloadTooLarge";
  static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
  static final String JOB_NOT_FOUND = "JobNotFound";
  static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";
  static final String UNAUTHORIZED = "Unauthorized";
  static final String TOO_MANY_RUNS = "TooManyRuns";
  static final String CLIENT_ERROR = "ClientError";
  static final String NOT_ACCEPTABLE = "NotAcceptable";
  static final String WWW_AUTHENTICATE = "WwwAuthenticate";
  static final String API_KEY_SCHEME = "apiKey";

  private OpenApiComponents() {}

  static ObjectNode of(Workflow workflow, OpenApiDocument.Security security) {
    ObjectNode components = SchemaJson.object();
    components.set("schemas", ApiSchemas.of(workflow));
    components.set("responses", responses(security));
    components.set("parameters", parameters());
    components.set("headers", headers(security));
    if (security == OpenApiDocument.Security.API_KEYS) {
      ObjectNode scheme = components.putObject("securitySchemes").putObject(API_KEY_SCHEME);
      scheme.put("type", "http").put("scheme", "bearer");
      scheme.put("description", "One of the service's API keys (its `API_KEYS` or `API_KEYS_FILE`), sent as"
          + " `Authorization: Bearer <key>`. Browsers may send it as the password of Basic authentication.");
    }
    return components;
  }

  /** The root {@code security}: an API key on every operation. */
  static ArrayNode apiKeyRequirement() {
    ArrayNode security = SchemaJson.array();
    security.addObject().putArray(API_KEY_SCHEME);
    return security;
  }

  static ObjectNode parameterRef(String name) {
    return SchemaJson.object().put("$ref", "#/components/parameters/" + name);
  }

  static ObjectNode headerRef(String name) {
    return SchemaJson.object().put("$ref", "#/components/headers/" + name);
  }

  static ObjectNode responseRef(String name) {
    return SchemaJson.object().put("$ref", "#/components/responses/" + name);
  }

  private static ObjectNode responses(OpenApiDocument.Security security) {
    ObjectNode responses = SchemaJson.object();
    responses.set(CLIENT_ERROR, error("The request is malformed: bad HTTP syntax, or a URI or headers longer than the"
        + " server accepts (400, 414, 431)"));
    responses.set(NOT_ACCEPTABLE, error("`Accept` names neither YAML nor JSON"));
    ObjectNode tooMany = error("Over the caller's limits (the server's `RATE_LIMIT`, or its `MAX_RUNS_IN_FLIGHT_PER_KEY`"
        + " runs in flight); retry after `Retry-After` seconds");
    tooMany.putObject("headers").set("Retry-After", headerRef(RETRY_AFTER));
    responses.set(TOO_MANY_RUNS, tooMany);
    if (security == OpenApiDocument.Security.API_KEYS) {
      ObjectNode unauthorized = error("No API key was sent, or a wrong one");
      unauthorized.putObject("headers").set("WWW-Authenticate", headerRef(WWW_AUTHENTICATE));
      responses.set(UNAUTHORIZED, unauthorized);
    }
    responses.set(BAD_REQUEST, error("The request is malformed: the body is not JSON (the message gives the position),"
        + " is empty or is not an object, or `wait` is not a number of seconds within the server's maximum"));
    responses.set(PAYLOAD_TOO_LARGE, error("The body is larger than the server accepts (`MAX_BODY_BYTES`)"));
    responses.set(UNSUPPORTED_MEDIA_TYPE, error("The body is not sent as `Content-Type: application/json`"));
    responses.set(JOB_NOT_FOUND, error("No job has this id (it never existed, or retention removed it)"));
    ObjectNode unavailable = error("The server accepts no run now: it is shutting down, or the cap on runs in flight"
        + " is reached; retry after `Retry-After` seconds");
    unavailable.putObject("headers").set("Retry-After", headerRef(RETRY_AFTER));
    responses.set(SERVICE_UNAVAILABLE, unavailable);
    return responses;
  }

  private static ObjectNode error(String description) {
    return OpenApiPaths.jsonResponse(description, ref(ApiSchemas.ERROR_RESPONSE));
  }

  private static ObjectNode parameters() {
    ObjectNode parameters = SchemaJson.object();
    ObjectNode jobId = parameter("job_id", "path", "The job's id, as `POST /run` answered it.");
    jobId.put("required", true);
    jobId.set("schema", SchemaJson.object().put("type", "string"));
    parameters.set(JOB_ID, jobId);
    ObjectNode wait = parameter("wait", "query",
        "How many seconds to wait for the outcome before handing the run over (202), instead of the server's sync"
            + " timeout; at most the server's maximum. 0 answers at once.");
    wait.set("schema", SchemaJson.object().put("type", "number").put("minimum", 0));
    parameters.set(WAIT, wait);
    ObjectNode prefer = parameter("Prefer", "header",
        "`respond-async` answers 202 at once (the run goes on); `wait=SECONDS` is the same as `?wait=SECONDS`.");
    prefer.set("schema", SchemaJson.object().put("type", "string"));
    prefer.putObject("examples").putObject("respondAsync").put("value", "respond-async");
    parameters.set(PREFER, prefer);
    return parameters;
  }

  private static ObjectNode parameter(String name, String in, String description) {
    return SchemaJson.object().put("name", name).put("in", in).put("description", description);
  }

  private static ObjectNode headers(OpenApiDocument.Security security) {
    ObjectNode headers = SchemaJson.object();
    if (security == OpenApiDocument.Security.API_KEYS) {
      ObjectNode challenge = SchemaJson.object().put("description", "The schemes a key may be sent with: `Bearer` and `Basic`.");
      challenge.set("schema", SchemaJson.object().put("type", "string"));
      headers.set(WWW_AUTHENTICATE, challenge);
    }
    ObjectNode location = SchemaJson.object().put("description", "Where the job's status is: `/status/{job_id}`.");
    location.set("schema", SchemaJson.object().put("type", "string"));
    headers.set(LOCATION, location);
    ObjectNode retryAfter = SchemaJson.object().put("description", "Seconds to wait before trying again.");
    retryAfter.set("schema", SchemaJson.object().put("type", "integer"));
    headers.set(RETRY_AFTER, retryAfter);
    return headers;
  }
}
