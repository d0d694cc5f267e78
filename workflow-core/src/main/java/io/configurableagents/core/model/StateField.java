package io.configurableagents.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A declared state field (or a sub-field of an object's {@code schema}).
 *
 * @param name the field name
 * @param type its parsed type; an {@link TypeRef.ObjectType} carries the nested schema
 * @param required whether the caller must supply it (non-null)
 * @param defaultValue the default, empty when none or null (not checked against the type, as in
 *     the reference); JSON-model value
 * @param description documentation, carried into JSON Schemas
 * @param location where the field's name is in the file
 */
public record StateField(
    String name,
    TypeRef type,
    boolean required,
    Optional<Object> defaultValue,
    Optional<String> description,
    SourceLocation location) {

  public StateField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(location, "location");
  }
}
