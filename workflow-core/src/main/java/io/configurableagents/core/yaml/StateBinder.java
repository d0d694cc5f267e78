package io.configurableagents.core.yaml;

import io.configurableagents.core.model.SourceLocation;
import io.configurableagents.core.model.StateField;
import io.configurableagents.core.model.TypeRef;
import io.configurableagents.core.validate.Diagnostics;
import io.configurableagents.core.validate.WorkflowDraft.FieldDraft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code state.fields} (docs/workflow-format.md, "State"): names, type strings, the required/default
 * rule, nested object schemas in their short and long forms.
 */
final class StateBinder {
  private final Diagnostics out;

  StateBinder(Diagnostics out) {
    this.out = out;
  }

  Map<String, FieldDraft> bind(YamlNode stateNode) {
    Map<String, FieldDraft> fields = new LinkedHashMap<>();
    MapReader.of(stateNode, List.of("state"), "state", Keys.STATE, out)
        .flatMap(state -> state.required("fields").flatMap(f -> fieldMap(f, state.path("fields"), "state.fields")))
        .ifPresent(m -> m.entries().forEach(e -> field(e, List.of("state", "fields")).ifPresent(f -> fields.put(f.name(), f))));
    return fields;
  }

  private Optional<YamlNode.Mapping> fieldMap(YamlNode node, List<Object> path, String context) {
    if (!(node instanceof YamlNode.Mapping m)) {
      out.error(node.at(), context + " must be a mapping of field name to field, not " + node.describe());
      return Optional.empty();
    }
    if (m.entries().isEmpty()) {
      out.error(m.at(), context + " must declare at least one field");
      return Optional.empty();
    }
    return Optional.of(m);
  }

  private Optional<FieldDraft> field(YamlNode.Entry entry, List<Object> parent) {
    YamlNode.Scalar key = entry.key();
    if (!key.isString()) {
      out.error(key.at(), "field name must be a string, not " + key.describe(), "quote it: \"" + key.text() + "\":");
      return Optional.empty();
    }
    String name = key.text();
    checkName(name, key.at());
    List<Object> path = append(parent, name);
    String context = "field \"" + name + "\"";
    Optional<MapReader> reader = MapReader.of(entry.value(), path, context, Keys.FIELD, out);
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader r = reader.get();
    Optional<YamlNode.Scalar> typeScalar = r.required("type").flatMap(v -> r.stringScalar("type", v));
    String typeText = typeScalar.map(YamlNode.Scalar::text).orElse("");
    Optional<TypeRef> type = typeScalar.flatMap(s -> Expressions.type(s, context, out));
    boolean required = r.bool("required").orElse(false);
    Optional<Object> defaultValue = r.node("default").map(JsonValues::of);
    if (required && defaultValue.isPresent()) {
      out.error(r.node("default").get().at(), context + " is required and has a default", "remove the default, or set required: false");
    }
    Optional<String> description = r.string("description");
    Optional<YamlNode> schema = schemaNode(r);
    Optional<TypeRef> resolved = type.flatMap(t -> withSchema(t, schema, r, context, typeScalar.get().at()));
    return Optional.of(new FieldDraft(name,
        resolved.map(t -> new StateField(name, t, required, defaultValue, description, key.at())), typeText));
  }

  /** {@code schema} or its alias {@code schema_}; both at once is an error. */
  private Optional<YamlNode> schemaNode(MapReader r) {
    if (r.has("schema") && r.has("schema_")) {
      out.error(r.mapping().entry("schema_").get().key().at(), r.context() + ": both schema and schema_ given", "schema_ is another spelling of schema; keep one");
    }
    return r.node("schema").or(() -> r.node("schema_"));
  }

  private Optional<TypeRef> withSchema(TypeRef type, Optional<YamlNode> schema, MapReader r, String context, SourceLocation typeAt) {
    if (!(type instanceof TypeRef.ObjectType object)) {
      schema.ifPresent(s -> out.warning(s.at(), context + ": schema is ignored because the type is not object"));
      return Optional.of(type);
    }
    if (schema.isEmpty()) {
      out.error(typeAt, context + " has type object but no schema", "add schema: {name: str, ...}, or use type: dict for a free-form map");
      return Optional.empty();
    }
    List<Object> path = r.path(r.has("schema") ? "schema" : "schema_");
    return fieldMap(schema.get(), path, context + " schema").flatMap(m -> subFields(m, path)).map(object::withFields);
  }

  private Optional<Map<String, StateField>> subFields(YamlNode.Mapping schema, List<Object> path) {
    Map<String, StateField> fields = new LinkedHashMap<>();
    boolean ok = true;
    for (YamlNode.Entry e : schema.entries()) {
      Optional<StateField> sub = e.value() instanceof YamlNode.Scalar s && s.isString()
          ? shortForm(e.key(), s)
          : field(e, path).flatMap(FieldDraft::field);
      sub.ifPresent(f -> fields.put(f.name(), f));
      ok &= sub.isPresent();
    }
    return ok ? Optional.of(fields) : Optional.empty();
  }

  /** {@code name: str}: not required, no default. */
  private Optional<StateField> shortForm(YamlNode.Scalar key, YamlNode.Scalar type) {
    if (!key.isString()) {
      out.error(key.at(), "field name must be a string, not " + key.describe(), "quote it: \"" + key.text() + "\":");
      return Optional.empty();
    }
    String context = "field \"" + key.text() + "\"";
    checkName(key.text(), key.at());
    return Expressions.type(type, context, out)
        .flatMap(t -> t instanceof TypeRef.ObjectType
            ? reportObjectWithoutSchema(type, context)
            : Optional.of(t))
        .map(t -> new StateField(key.text(), t, false, Optional.empty(), Optional.empty(), key.at()));
  }

  private Optional<TypeRef> reportObjectWithoutSchema(YamlNode.Scalar type, String context) {
    out.error(type.at(), context + " has type object but no schema", "write it in the long form: {type: object, schema: {...}}, or use type: dict");
    return Optional.empty();
  }

  private void checkName(String name, SourceLocation at) {
    if (name.startsWith("_")) {
      out.error(at, "field name \"" + name + "\" starts with \"_\"", "names starting with _ are reserved for values such as _loop_iteration_<node>; rename it");
    } else if (!Identifiers.isIdentifier(name)) {
      out.warning(at, "field name \"" + name + "\" is not an identifier, so prompts and conditions cannot refer to it",
          "use letters, digits and _ only, not starting with a digit");
    }
  }

  private static List<Object> append(List<Object> path, Object segment) {
    List<Object> p = new ArrayList<>(path);
    p.add(segment);
    return p;
  }
}
