package io.configurableagents.core.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.configurableagents.core.model.EdgeSpec;
import io.configurableagents.core.model.NodeSpec;
import io.configurableagents.core.model.SourceLocation;
import io.configurableagents.core.model.StateField;
import io.configurableagents.core.model.TypeRef;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.model.WorkflowConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Workflows built by hand, as the loader would build them from a file. */
final class TestWorkflows {
  static final TypeRef STR = new TypeRef.Str();
  static final TypeRef INT = new TypeRef.Int();
  static final TypeRef FLOAT = new TypeRef.Float();
  static final TypeRef BOOL = new TypeRef.Bool();
  static final SourceLocation AT = SourceLocation.of("workflow.yaml", 1, 1);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TestWorkflows() {}

  static TypeRef listOf(TypeRef element) {
    return new TypeRef.ListOf(Optional.of(element));
  }

  static TypeRef untypedList() {
    return new TypeRef.ListOf(Optional.empty());
  }

  static TypeRef dictOf(TypeRef key, TypeRef value) {
    return new TypeRef.DictOf(Optional.of(key), Optional.of(value));
  }

  static TypeRef untypedDict() {
    return new TypeRef.DictOf(Optional.empty(), Optional.empty());
  }

  static TypeRef objectOf(StateField... fields) {
    return new TypeRef.ObjectType(fieldMap(fields));
  }

  static StateField required(String name, TypeRef type) {
    return new StateField(name, type, true, Optional.empty(), Optional.empty(), AT);
  }

  static StateField optional(String name, TypeRef type) {
    return new StateField(name, type, false, Optional.empty(), Optional.empty(), AT);
  }

  static StateField withDefault(String name, TypeRef type, Object defaultValue) {
    return new StateField(name, type, false, Optional.of(defaultValue), Optional.empty(), AT);
  }

  static StateField described(StateField field, String description) {
    return new StateField(field.name(), field.type(), field.required(), field.defaultValue(), Optional.of(description), AT);
  }

  static Map<String, StateField> fieldMap(StateField... fields) {
    Map<String, StateField> map = new LinkedHashMap<>();
    for (StateField f : fields) {
      map.put(f.name(), f);
    }
    return map;
  }

  static Workflow workflow(String name, StateField... fields) {
    return workflow(name, List.of(), List.of(), fields);
  }

  static Workflow workflow(String name, List<NodeSpec> nodes, List<EdgeSpec> edges, StateField... fields) {
    return new Workflow(
        name, Optional.empty(), Optional.empty(), fieldMap(fields), nodes, edges, WorkflowConfig.DEFAULT, "workflow.yaml");
  }

  static Workflow withFlow(Workflow w, String description, String version) {
    return new Workflow(
        w.name(), Optional.of(description), Optional.of(version), w.state(), w.nodes(), w.edges(), w.config(), w.fileName());
  }

  /** The state of the reference's {@code echo.yaml}. */
  static Workflow echo() {
    return workflow(
        "echo",
        described(required("message", STR), "The message to echo back"),
        described(withDefault("result", STR, ""), "The echoed result"));
  }

  /** The state of the reference's {@code nested_state.yaml}: an object field with a short-form schema. */
  static StateField profile() {
    return described(
        optional("profile", objectOf(
            optional("bio", STR),
            optional("personality_traits", listOf(STR)),
            optional("recommended_topics", listOf(STR)),
            optional("engagement_score", INT))),
        "Generated user profile with nested structure");
  }

  /** Every kind of type, nested, required, optional, with defaults. */
  static Workflow everyType() {
    return workflow(
        "every_type",
        described(required("topic", STR), "What to write about"),
        withDefault("count", INT, 3L),
        optional("ratio", FLOAT),
        withDefault("verbose", BOOL, false),
        required("tags", listOf(STR)),
        optional("matrix", listOf(listOf(INT))),
        optional("scores", dictOf(STR, INT)),
        optional("deep", dictOf(STR, dictOf(STR, listOf(FLOAT)))),
        optional("anything", untypedList()),
        optional("meta", untypedDict()),
        optional("records", listOf(TypeRef.ObjectType.untyped())),
        required("person", objectOf(
            described(required("name", STR), "Full name"),
            optional("age", INT),
            withDefault("hobbies", listOf(STR), List.of("reading")),
            optional("address", objectOf(required("city", STR), optional("zip", STR))))),
        profile());
  }

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
