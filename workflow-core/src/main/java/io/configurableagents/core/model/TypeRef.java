package io.configurableagents.core.model;

import java.util.Map;
import java.util.Optional;

/**
 * A parsed type string ({@code str}, {@code list[int]}, {@code dict[str, list[int]]}, {@code object}...).
 *
 * <p>Grammar (docs/workflow-format.md, "State", type strings): after trimming,
 * {@code type := "str" | "int" | "float" | "bool" | "object" | "list" | "dict" | "list[" type "]" |
 * "dict[" type "," type "]"}. Case-sensitive. The comma of a {@code dict[K, V]} is the top-level
 * one (bracket depth 0), so {@code dict[str, dict[str, int]]} parses; K and V are trimmed.
 *
 * <p>An {@link ObjectType} parsed from the string {@code object} has no fields; the loader attaches
 * the state field's {@code schema} with {@link ObjectType#withFields}. An object without fields is
 * an untyped map.
 */
public sealed interface TypeRef
    permits TypeRef.Str, TypeRef.Int, TypeRef.Float, TypeRef.Bool, TypeRef.ListOf, TypeRef.DictOf, TypeRef.ObjectType {

  /**
   * Parses a type string.
   *
   * @throws TypeSyntaxException when the string is not a valid type; its message says what is
   *     wrong and its {@code offset} points into the string
   */
  static TypeRef parse(String typeString) {
    return TypeParser.parse(typeString);
  }

  /** The canonical spelling: {@code dict[str, list[int]]} (one space after a dict comma). */
  String typeString();

  record Str() implements TypeRef {
    @Override
    public String typeString() {
      return "str";
    }
  }

  record Int() implements TypeRef {
    @Override
    public String typeString() {
      return "int";
    }
  }

  record Float() implements TypeRef {
    @Override
    public String typeString() {
      return "float";
    }
  }

  record Bool() implements TypeRef {
    @Override
    public String typeString() {
      return "bool";
    }
  }

  /** {@code list} (element empty: elements unchecked) or {@code list[T]}. */
  record ListOf(Optional<TypeRef> element) implements TypeRef {
    @Override
    public String typeString() {
      return element.map(e -> "list[" + e.typeString() + "]").orElse("list");
    }
  }

  /** {@code dict} (both empty) or {@code dict[K, V]}. JSON objects only have string keys. */
  record DictOf(Optional<TypeRef> key, Optional<TypeRef> value) implements TypeRef {
    @Override
    public String typeString() {
      return key.isEmpty() || value.isEmpty()
          ? "dict"
          : "dict[" + key.get().typeString() + ", " + value.get().typeString() + "]";
    }
  }

  /**
   * {@code object}: with fields (from a state field's {@code schema}), values are checked field by
   * field and unknown keys dropped; without fields, any JSON object is accepted.
   */
  record ObjectType(Map<String, StateField> fields) implements TypeRef {
    public ObjectType {
      fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    public static ObjectType untyped() {
      return new ObjectType(Map.of());
    }

    public ObjectType withFields(Map<String, StateField> schema) {
      return new ObjectType(schema);
    }

    public boolean hasSchema() {
      return !fields.isEmpty();
    }

    @Override
    public String typeString() {
      return "object";
    }
  }
}
