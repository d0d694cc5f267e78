package io.configurableagents.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.NodeSpec;
import io.configurableagents.core.model.TypeRef;
import io.configurableagents.core.model.Workflow;

/**
 * JSON Schemas (draft 2020-12) derived from a workflow. Descriptions are carried over from the
 * file. Type mapping: {@code str} string, {@code int} integer, {@code float} number, {@code bool}
 * boolean, {@code list[T]} array with {@code items}, {@code dict[K, V]} object with
 * {@code additionalProperties} (JSON keys are strings, so K is not expressed), {@code object} with a
 * schema: object with {@code properties}; untyped {@code list}, {@code dict} and {@code object}
 * constrain nothing inside.
 *
 * <p>Nullability: a field that is optional and has no default is nullable ({@code "type": ["string",
 * "null"]}), because null is what it holds when nobody gave it a value. Required fields and fields
 * with a default are not: send the value or leave the key out. The schemas state the canonical JSON
 * types; the runtime also accepts what lax coercion accepts (docs/workflow-format.md, "How values are coerced": {@code "5"} for
 * an {@code int}, {@code "yes"} for a {@code bool}...).
 *
 * <p>Every method returns a new tree the caller may change. The three document methods put
 * {@code $schema} at the root; {@link #ofType} does not.
 */
public final class JsonSchemas {
  /** The {@code $schema} of every document made here. */
  public static final String DIALECT = SchemaJson.DIALECT;

  private JsonSchemas() {}

  /**
   * The schema of one type (no {@code $schema} key), as a caller sends such a value: nested object
   * fields shown with their defaults, only the required ones in {@code required}.
   */
  public static ObjectNode ofType(TypeRef type) {
    return TypeSchemas.ofType(type, SchemaPurpose.INPUT);
  }

  /**
   * The body of {@code POST /run}: every state field, {@code required} for the required ones,
   * defaults shown; unknown keys allowed (the runtime ignores them).
   */
  public static ObjectNode inputs(Workflow workflow) {
    return document(inputsBody(workflow));
  }

  /**
   * What the LLM is asked for by a node ({@code Output_<node>}, its {@code title}): an object with
   * one required property per output field, or {@code {"result": T}} for a simple output.
   * {@code additionalProperties: false} at every object level that has fixed properties; every
   * property of those objects required (optional nested fields are nullable instead).
   */
  public static ObjectNode nodeOutput(Workflow workflow, NodeSpec node) {
    ObjectNode schema = SchemaJson.object().put("$schema", DIALECT).put("title", outputName(node));
    schema.setAll(AnswerSchemas.of(node.output(), node.outputs(), workflow.state()));
    return schema;
  }

  /**
   * Whether a schema fits OpenAI's strict structured outputs (the strictest provider mode): every
   * object lists its properties, requires all of them and forbids others; every array has
   * {@code items}. False as soon as an untyped {@code list}, a {@code dict} or an untyped
   * {@code object} appears anywhere: send such a schema non-strict and check the answer instead.
   */
  public static boolean isStrictCompatible(JsonNode schema) {
    return StrictCheck.isStrict(schema);
  }

  /** {@code Output_<node id>}: the schema (or function) name the node's answer is asked under (docs/providers.md, "What is sent"). */
  public static String outputName(NodeSpec node) {
    return "Output_" + node.id();
  }

  /**
   * The final state of a run (docs/runtime.md, "`POST /run`"): every declared field, always present ({@code null} for an
   * optional field nobody set), hidden values left out, so no other keys.
   */
  public static ObjectNode result(Workflow workflow) {
    return document(resultBody(workflow));
  }

  /** {@link #inputs} without {@code $schema}, for embedding (OpenAPI components). */
  static ObjectNode inputsBody(Workflow workflow) {
    ObjectNode schema = SchemaJson.object()
        .put("title", "Inputs of " + workflow.name())
        .put("description", "The inputs of one run: one property per state field. Leave a field out to get its"
            + " default (or null). Values are coerced leniently, e.g. \"5\" is accepted for an int.");
    schema.setAll(TypeSchemas.fieldsObject(workflow.state(), SchemaPurpose.INPUT, false));
    return schema;
  }

  /** {@link #result} without {@code $schema}, for embedding (OpenAPI components). */
  static ObjectNode resultBody(Workflow workflow) {
    ObjectNode schema = SchemaJson.object()
        .put("title", "Result of " + workflow.name())
        .put("description", "The final state of a run: every declared state field.");
    schema.setAll(TypeSchemas.fieldsObject(workflow.state(), SchemaPurpose.RESULT, true));
    return schema;
  }

  private static ObjectNode document(ObjectNode body) {
    ObjectNode schema = SchemaJson.object().put("$schema", DIALECT);
    schema.setAll(body);
    return schema;
  }
}
