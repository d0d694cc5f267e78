package io.configurableagents.core.schema;

import static io.configurableagents.core.schema.SchemaJson.enumOf;
import static io.configurableagents.core.schema.SchemaJson.nullable;
import static io.configurableagents.core.schema.SchemaJson.nullableTyped;
import static io.configurableagents.core.schema.SchemaJson.ref;
import static io.configurableagents.core.schema.SchemaJson.typed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.Workflow;

/**
 * The schemas of the HTTP API's bodies ({@code components.schemas} of the OpenAPI document): the
 * workflow's own inputs and result, and the envelopes around them.
 */
final class ApiSchemas {
  static final String RUN_INPUTS = "RunInputs";
  static final String RUN_OUTPUTS = "RunOutputs";
  static final String RUN_SUCCEEDED = "RunSucceeded";
  static final String RUN_ACCEPTED = "RunAccepted";
  static final String RUN_FAILED = "RunFailed";
  static final String RUN_CANCELLED = "RunCancelled";
  static final String RUN_ERROR = "RunError";
  static final String JOB = "Job";
  static final String JOB_STATUS = "JobStatus";
  static final String ERROR_RESPONSE = "ErrorResponse";
  static final String ERROR_DETAIL = "ErrorDetail";
  static final String INVALID_INPUTS = "InvalidInputs";
  static final String INPUT_PROBLEM = "InputProblem";
  static final String HEALTH = "Health";
  static final String SERVICE_INFO = "ServiceInfo";
  static final String SCHEMA_DESCRIPTION = "SchemaDescription";
  static final String INPUT_DESCRIPTION = "InputDescription";

  private ApiSchemas() {}

  static ObjectNode of(Workflow workflow) {
    ObjectNode schemas = SchemaJson.object();
    schemas.set(RUN_INPUTS, JsonSchemas.inputsBody(workflow));
    schemas.set(RUN_OUTPUTS, JsonSchemas.resultBody(workflow));
    runEnvelopes(schemas);
    jobs(schemas);
    errors(schemas);
    service(schemas);
    return schemas;
  }

  private static void runEnvelopes(ObjectNode schemas) {
    schemas.set(RUN_SUCCEEDED, ObjectShape.described("A run that finished within the wait.")
        .required("status", enumOf("Always `success`.", "success"))
        .required("job_id", jobId())
        .required("execution_time_ms", typed("integer", "How long the run took, in milliseconds.")
            .put("format", "int64").put("minimum", 0))
        .required("outputs", ref(RUN_OUTPUTS))
        .build());
    schemas.set(RUN_ACCEPTED, ObjectShape.described(
            "A run that goes on in the background; poll `Location` (`/status/{job_id}`) for its outcome.")
        .required("status", enumOf("Always `async`.", "async"))
        .required("job_id", jobId())
        .required("message", typed("string", "Where to poll, for people."))
        .build());
    schemas.set(RUN_FAILED, ObjectShape.described("A run that failed.")
        .required("status", enumOf("Always `failed`.", "failed"))
        .required("job_id", jobId())
        .required("error", ref(RUN_ERROR))
        .build());
    schemas.set(RUN_CANCELLED, ObjectShape.described(
            "A run cancelled (`DELETE /status/{job_id}`) while this request waited for it.")
        .required("status", enumOf("Always `cancelled`.", "cancelled"))
        .required("job_id", jobId())
        .required("message", typed("string", "What happened, for people."))
        .build());
    schemas.set(RUN_ERROR, ObjectShape.described("Why a run failed. Never holds a stack trace or a secret.")
        .required("type", typed("string", "A short kind, e.g. `provider_error`, `step_limit`, `timeout`, `interrupted`."))
        .required("node", nullableTyped("string", "The node that was running, or null."))
        .required("message", typed("string", "What went wrong and, where possible, how to fix it."))
        .build());
  }

  private static void jobs(ObjectNode schemas) {
    schemas.set(JOB_STATUS, enumOf(
        "`pending` (accepted, not started), `running`, `completed`, `failed` or `cancelled`.",
        "pending", "running", "completed", "failed", "cancelled"));
    schemas.set(JOB, ObjectShape.described("A run as a job: every run is one from its first moment.")
        .required("job_id", jobId())
        .required("status", ref(JOB_STATUS))
        .required("created_at", timestamp("When the run was accepted."))
        .required("started_at", nullableTimestamp("When it started, or null while pending."))
        .required("completed_at", nullableTimestamp("When it ended, or null while it has not."))
        .required("execution_time_ms", nullableTyped("integer", "How long it ran, in milliseconds, or null while it has not ended.")
            .put("format", "int64"))
        .required("outputs", nullable(ref(RUN_OUTPUTS), "The final state when `completed`, else null."))
        .required("error", nullable(ref(RUN_ERROR), "Why it failed when `failed`, else null."))
        .build());
  }

  private static void errors(ObjectNode schemas) {
    schemas.set(ERROR_DETAIL, ObjectShape.described("What is wrong and how to fix it.")
        .required("type", typed("string", "A short kind, e.g. `malformed_json`, `body_too_large`, `job_not_found`."))
        .required("message", typed("string", "For people: what is wrong, where, and how to fix it."))
        .build());
    schemas.set(ERROR_RESPONSE, ObjectShape.described("A request the service refused or could not answer.")
        .required("status", enumOf("Always `error`.", "error"))
        .required("error", ref(ERROR_DETAIL))
        .build());
    schemas.set(INPUT_PROBLEM, ObjectShape.described("One input that does not fit the workflow's state.")
        .required("field", typed("string", "Where: a field name or path, e.g. `topic`, `scores[2]`, `profile.age`."))
        .required("message", typed("string", "What is wrong with it."))
        .build());
    ObjectNode problems = typed("array", "Every problem, by field.");
    problems.set("items", ref(INPUT_PROBLEM));
    schemas.set(INVALID_INPUTS, ObjectShape.described("Inputs that do not fit the workflow's state.")
        .required("status", enumOf("Always `error`.", "error"))
        .required("error", ref(ERROR_DETAIL))
        .required("problems", problems)
        .build());
  }

  private static void service(ObjectNode schemas) {
    schemas.set(HEALTH, ObjectShape.described("The service is up.")
        .required("status", enumOf("Always `healthy`.", "healthy"))
        .required("timestamp", timestamp("The server's time."))
        .build());
    ObjectNode endpoints = typed("object", "Each endpoint by name, e.g. `run`: `POST /run`.");
    endpoints.set("additionalProperties", SchemaJson.object().put("type", "string"));
    schemas.set(SERVICE_INFO, ObjectShape.described("What this service runs and where its endpoints are.")
        .required("workflow", typed("string", "`flow.name`."))
        .required("version", typed("string", "`flow.version` (`1.0.0` when unset)."))
        .required("description", nullableTyped("string", "`flow.description`, or null."))
        .required("status", enumOf("Always `running`.", "running"))
        .required("endpoints", endpoints)
        .build());
    schemas.set(INPUT_DESCRIPTION, ObjectShape.described("One state field, as the Python tool showed it.")
        .required("type", typed("string", "The type string, e.g. `str`, `list[int]`, `object`."))
        .required("required", typed("boolean", "Whether a run needs it."))
        .required("default", SchemaJson.object().put("description", "The default value, or null when none."))
        .required("description", nullableTyped("string", "The field's description, or null."))
        .build());
    ObjectNode inputs = typed("object", "Every state field by name.");
    inputs.set("additionalProperties", ref(INPUT_DESCRIPTION));
    ObjectNode outputs = typed("array", "Every state field name: a run's result is its whole final state.");
    outputs.set("items", SchemaJson.object().put("type", "string"));
    schemas.set(SCHEMA_DESCRIPTION, ObjectShape.described("The workflow's inputs and outputs.")
        .required("workflow", typed("string", "`flow.name`."))
        .required("version", typed("string", "`flow.version` (`1.0.0` when unset)."))
        .required("inputs", inputs)
        .required("outputs", outputs)
        .required("input_schema", typed("object", "The JSON Schema (2020-12) of a `POST /run` body."))
        .required("output_schema", typed("object", "The JSON Schema (2020-12) of a run's `outputs`."))
        .build());
  }

  private static ObjectNode jobId() {
    return typed("string", "The job's id.");
  }

  private static ObjectNode timestamp(String description) {
    return typed("string", description).put("format", "date-time");
  }

  private static ObjectNode nullableTimestamp(String description) {
    return nullableTyped("string", description).put("format", "date-time");
  }
}
