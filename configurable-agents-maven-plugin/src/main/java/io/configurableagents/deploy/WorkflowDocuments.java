package io.configurableagents.deploy;

import io.configurableagents.core.model.Workflow;
import java.util.Optional;

/**
 * The documents the deploy layer takes from workflow-core's {@code schema} package: the example
 * {@code POST /run} body and the OpenAPI document. One place, so that the banner, the README and
 * {@code openapi.yaml} agree.
 */
final class WorkflowDocuments {
  private WorkflowDocuments() {}

  /** The example body of {@code POST /run}, as compact JSON. */
  static String exampleBody(Workflow workflow) {
    // waits on core.schema ExampleInputs (branch schema): until it lands, an empty object
    return "{}";
  }

  /** The OpenAPI document as YAML, when workflow-core can make one. */
  static Optional<String> openApiYaml(Workflow workflow) {
    // waits on core.schema OpenApiDocument (branch schema)
    return Optional.empty();
  }
}
