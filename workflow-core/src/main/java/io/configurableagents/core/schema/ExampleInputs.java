package io.configurableagents.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.EdgeSpec;
import io.configurableagents.core.model.NodeSpec;
import io.configurableagents.core.model.StateField;
import io.configurableagents.core.model.TypeRef;
import io.configurableagents.core.model.Workflow;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An example {@code POST /run} body for a workflow, valid against {@link JsonSchemas#inputs}: for the
 * OpenAPI document, the deploy banner's {@code curl} and the generated README.
 *
 * <p>Which fields: every required field; and every optional field that has no default and that no
 * node writes (a pure input, such as a tone or a language, that would otherwise reach the prompts as
 * {@code None}). Fields with a default and fields the workflow fills itself are left out.
 *
 * <p>Values by type: {@code str} {@code "example_<field>"} (as the reference's deploy did),
 * {@code int} 1, {@code float} 1.5, {@code bool} true, a list one element of its element type, a
 * dict one {@code "key"} entry of its value type, an object with a schema every sub-field, an
 * untyped object {@code {}}.
 */
public final class ExampleInputs {
  private ExampleInputs() {}

  /** The example body as a JSON tree (a new one each call). */
  public static ObjectNode of(Workflow workflow) {
    Set<String> written = writtenByTheWorkflow(workflow);
    ObjectNode body = SchemaJson.object();
    for (StateField field : workflow.state().values()) {
      boolean pureInput = TypeSchemas.isNullable(field) && !written.contains(field.name());
      if (field.required() || pureInput) {
        body.set(field.name(), valueOf(field.type(), field.name()));
      }
    }
    return body;
  }

  /** The example body as compact JSON text, e.g. for {@code curl -d '...'}. */
  public static String json(Workflow workflow) {
    return SchemaJson.compact(of(workflow));
  }

  /** An example value of {@code type} for a field called {@code name}. */
  static JsonNode valueOf(TypeRef type, String name) {
    if (type instanceof TypeRef.Str) {
      return SchemaJson.value("example_" + name);
    }
    if (type instanceof TypeRef.Int) {
      return SchemaJson.value(1);
    }
    if (type instanceof TypeRef.Float) {
      return SchemaJson.value(1.5);
    }
    if (type instanceof TypeRef.Bool) {
      return SchemaJson.value(true);
    }
    if (type instanceof TypeRef.ListOf list) {
      ArrayNode array = SchemaJson.array();
      return array.add(elementOrText(list.element(), name));
    }
    if (type instanceof TypeRef.DictOf dict) {
      return SchemaJson.object().set("key", elementOrText(dict.value(), name));
    }
    return objectOf(((TypeRef.ObjectType) type).fields());
  }

  private static JsonNode elementOrText(Optional<TypeRef> element, String name) {
    return element.map(e -> valueOf(e, name)).orElseGet(() -> SchemaJson.value("example_" + name));
  }

  private static ObjectNode objectOf(Map<String, StateField> fields) {
    ObjectNode object = SchemaJson.object();
    for (StateField field : fields.values()) {
      object.set(field.name(), valueOf(field.type(), field.name()));
    }
    return object;
  }

  /** The fields some node (or a parallel edge's collection) writes. */
  private static Set<String> writtenByTheWorkflow(Workflow workflow) {
    Set<String> written = new HashSet<>();
    for (NodeSpec node : workflow.nodes()) {
      written.addAll(node.outputs());
    }
    for (EdgeSpec edge : workflow.edges()) {
      if (edge.target() instanceof EdgeSpec.Parallel parallel) {
        written.add(parallel.collectField());
      }
    }
    return written;
  }
}
