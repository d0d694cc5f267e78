package io.configurableagents.core.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.StateField;
import io.configurableagents.core.model.TypeRef;
import java.util.Map;
import java.util.Optional;

/** The mapping of type strings and state fields to JSON Schema (2020-12) fragments. */
final class TypeSchemas {
  private TypeSchemas() {}

  /** The schema of a value of {@code type}: never nullable, no description. */
  static ObjectNode ofType(TypeRef type, SchemaPurpose purpose) {
    if (type instanceof TypeRef.ListOf list) {
      return array(list.element(), purpose);
    }
    if (type instanceof TypeRef.DictOf dict) {
      return map(dict.value(), purpose);
    }
    if (type instanceof TypeRef.ObjectType object) {
      return object.hasSchema() ? fieldsObject(object.fields(), purpose, purpose.requiresEveryField()) : typed("object");
    }
    return typed(scalarType(type));
  }

  /** {@code str} string, {@code int} integer, {@code float} number, {@code bool} boolean. */
  private static String scalarType(TypeRef type) {
    if (type instanceof TypeRef.Str) {
      return "string";
    }
    if (type instanceof TypeRef.Int) {
      return "integer";
    }
    if (type instanceof TypeRef.Float) {
      return "number";
    }
    if (type instanceof TypeRef.Bool) {
      return "boolean";
    }
    throw new IllegalArgumentException("not a scalar type: " + type.typeString());
  }

  /**
   * The schema of a state field (or a sub-field): its type, nullable when it is optional without a
   * default, its description, and its default when {@code purpose} shows defaults.
   */
  static ObjectNode ofField(StateField field, SchemaPurpose purpose) {
    ObjectNode schema = described(ofType(field.type(), purpose), field.description());
    if (isNullable(field)) {
      String type = schema.get("type").asText();
      schema.putArray("type").add(type).add("null");
    }
    if (purpose.showsDefaults()) {
      field.defaultValue().ifPresent(d -> schema.set("default", SchemaJson.value(d)));
    }
    return schema;
  }

  /**
   * An object with one property per field.
   *
   * @param requireAll list every field in {@code required}, not only the required ones
   */
  static ObjectNode fieldsObject(Map<String, StateField> fields, SchemaPurpose purpose, boolean requireAll) {
    ObjectNode schema = typed("object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = SchemaJson.array();
    for (StateField field : fields.values()) {
      properties.set(field.name(), ofField(field, purpose));
      if (requireAll || field.required()) {
        required.add(field.name());
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    if (purpose.closesObjects()) {
      schema.put("additionalProperties", false);
    }
    return schema;
  }

  /** Optional and without a default: null stands for "not given". */
  static boolean isNullable(StateField field) {
    return !field.required() && field.defaultValue().isEmpty();
  }

  private static ObjectNode array(Optional<TypeRef> element, SchemaPurpose purpose) {
    ObjectNode schema = typed("array");
    element.ifPresent(e -> schema.set("items", ofType(e, purpose)));
    return schema;
  }

  /** {@code dict[K, V]}: JSON object keys are always strings, so only V is expressed. */
  private static ObjectNode map(Optional<TypeRef> value, SchemaPurpose purpose) {
    ObjectNode schema = typed("object");
    value.ifPresent(v -> schema.set("additionalProperties", ofType(v, purpose)));
    return schema;
  }

  /** {@code schema} with the description, if any, right after {@code type} (the order people read). */
  static ObjectNode described(ObjectNode schema, Optional<String> description) {
    if (description.isEmpty()) {
      return schema;
    }
    ObjectNode ordered = SchemaJson.object();
    ordered.set("type", schema.get("type"));
    ordered.put("description", description.get());
    schema.properties().forEach(e -> ordered.putIfAbsent(e.getKey(), e.getValue()));
    return ordered;
  }

  private static ObjectNode typed(String type) {
    return SchemaJson.object().put("type", type);
  }
}
