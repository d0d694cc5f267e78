package io.configurableagents.core.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.Workflow;
import java.util.Objects;

/**
 * The OpenAPI 3.1 document of one workflow's HTTP API (architecture.md, "The HTTP API"): the
 * request body of {@code POST /run} is the workflow's inputs schema with an example body, and the
 * {@code outputs} of every answer are its result schema. Titles, description and version come from
 * {@code flow}. Shared shapes are components: schemas, parameters, headers and responses.
 *
 * <p>The same workflow always gives the same document, byte for byte, in both renderings.
 */
public final class OpenApiDocument {
  /** The OpenAPI version of the document. */
  public static final String OPENAPI_VERSION = "3.1.0";

  private final ObjectNode tree;

  private OpenApiDocument(ObjectNode tree) {
    this.tree = tree;
  }

  public static OpenApiDocument of(Workflow workflow) {
    Objects.requireNonNull(workflow, "workflow");
    ObjectNode root = SchemaJson.object();
    root.put("openapi", OPENAPI_VERSION);
    root.set("info", info(workflow));
    root.set("tags", tags(workflow));
    root.set("paths", OpenApiPaths.of(workflow));
    root.set("components", OpenApiComponents.of(workflow));
    return new OpenApiDocument(root);
  }

  /** The document as a JSON tree (a copy the caller may change). */
  public ObjectNode tree() {
    return tree.deepCopy();
  }

  /** The document as indented JSON text. */
  public String json() {
    return SchemaJson.pretty(tree);
  }

  /** The document as YAML text, keys in the same order as {@link #json()}. */
  public String yaml() {
    return YamlText.of(tree);
  }

  private static ObjectNode info(Workflow workflow) {
    ObjectNode info = SchemaJson.object();
    info.put("title", workflow.name());
    info.put("description", workflow.description().map(d -> d.strip() + "\n\n").orElse("")
        + "The HTTP API of the workflow `" + workflow.name() + "`: `POST /run` runs it, `GET /status/{job_id}`"
        + " follows a run handed over to the background.");
    info.put("version", workflow.versionOrDefault());
    return info;
  }

  private static com.fasterxml.jackson.databind.node.ArrayNode tags(Workflow workflow) {
    com.fasterxml.jackson.databind.node.ArrayNode tags = SchemaJson.array();
    tags.addObject().put("name", OpenApiPaths.TAG_WORKFLOW).put("description", "Running `" + workflow.name() + "`");
    tags.addObject().put("name", OpenApiPaths.TAG_JOBS).put("description", "Runs as jobs: status and cancellation");
    tags.addObject().put("name", OpenApiPaths.TAG_SERVICE).put("description", "The service itself");
    return tags;
  }
}
