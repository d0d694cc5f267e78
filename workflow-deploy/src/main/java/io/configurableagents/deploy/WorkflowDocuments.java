package io.configurableagents.deploy;

import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.schema.ExampleInputs;
import io.configurableagents.core.schema.OpenApiDocument;

/**
 * The documents the deploy layer takes from workflow-core's {@code schema} package: the example
 * {@code POST /run} body and the OpenAPI document. One place, so that the banner, the README and
 * {@code openapi.yaml} agree with what the runtime serves.
 */
final class WorkflowDocuments {
  private WorkflowDocuments() {}

  /** The example body of {@code POST /run} (valid against the inputs' schema), as compact JSON. */
  static String exampleBody(Workflow workflow) {
    return ExampleInputs.json(workflow);
  }

  /** The OpenAPI document of the workflow's API, as YAML. */
  static String openApiYaml(Workflow workflow) {
    return OpenApiDocument.of(workflow).yaml();
  }
}
