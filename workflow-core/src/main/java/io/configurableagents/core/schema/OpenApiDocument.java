package io.configurableagents.core.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.Workflow;
import java.util.Objects;

/**
 * The OpenAPI 3.1 document of one workflow's HTTP API (docs/runtime.md, "Endpoints"): the
 * request body of {@code POST /run} is the workflow's inputs schema with an example body, and the
 * {@code outputs} of every answer are its result schema. Titles, description and version come from
 * {@code flow}. Shared shapes are components: schemas, parameters, headers and responses.
 *
 * <p>Its server is the service itself (a relative URL). Its security follows the runtime's: open,
 * or an API key as a bearer token on every operation but {@code GET /health} (the runtime's
 * {@code API_KEYS}, {@code docs/runtime.md}, "Security"). Every operation lists the client errors
 * it can answer.
 *
 * <p>The same workflow always gives the same document, byte for byte, in both renderings.
 */
public final class OpenApiDocument {
  /** The OpenAPI version of the document. */
  public static final String OPENAPI_VERSION = "3.1.0";

  /** Whether the service requires an API key. */
  public enum Security {
    /** Anyone may call it. */
    OPEN,
    /** {@code Authorization: Bearer <key>} on every operation but the health check. */
    API_KEYS
  }

  private final ObjectNode tree;

  private OpenApiDocument(ObjectNode tree) {
    this.tree = tree;
  }

  /** The document of an open service (what {@code workflow:generate} writes). */
  public static OpenApiDocument of(Workflow workflow) {
    return of(workflow, Security.OPEN);
  }

  public static OpenApiDocument of(Workflow workflow, Security security) {
    Objects.requireNonNull(workflow, "workflow");
    Objects.requireNonNull(security, "security");
    ObjectNode root = SchemaJson.object();
    root.put("openapi", OPENAPI_VERSION);
    root.set("info", info(workflow));
    root.set("servers", servers());
    root.set("security", security == Security.API_KEYS ? OpenApiComponents.apiKeyRequirement() : SchemaJson.array());
    root.set("tags", tags(workflow));
    root.set("paths", OpenApiPaths.of(workflow, security));
    root.set("components", OpenApiComponents.of(workflow, security));
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

  /** The service that serves the document: relative, so the page and clients use the address they reached it at. */
  private static ArrayNode servers() {
    ArrayNode servers = SchemaJson.array();
    servers.addObject().put("url", "/").put("description", "This service, at the address this document was fetched from");
    return servers;
  }

  private static ArrayNode tags(Workflow workflow) {
    ArrayNode tags = SchemaJson.array();
    tags.addObject().put("name", OpenApiPaths.TAG_WORKFLOW).put("description", "Running `" + workflow.name() + "`");
    tags.addObject().put("name", OpenApiPaths.TAG_JOBS).put("description", "Runs as jobs: status and cancellation");
    tags.addObject().put("name", OpenApiPaths.TAG_SERVICE).put("description", "The service itself");
    return tags;
  }
}
