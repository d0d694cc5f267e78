package io.configurableagents.core.types;

import io.configurableagents.core.model.StateField;
import io.configurableagents.core.model.TypeRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One coercion run: walks a value against a type and collects every problem on the way. */
final class Coercer {
  private final List<CoercionProblem> problems = new ArrayList<>();

  CoercionResult result(Object value) {
    return problems.isEmpty() ? CoercionResult.of(value) : CoercionResult.failed(problems);
  }

  /** Coerces a value that may be null (nullability is the caller's business). */
  Object value(Object value, TypeRef type, String path) {
    if (value == null) {
      return null;
    }
    if (type instanceof TypeRef.Str) {
      return scalar(ScalarRules.toStr(value), value, type, path);
    }
    if (type instanceof TypeRef.Int) {
      return scalar(ScalarRules.toInt(value), value, type, path);
    }
    if (type instanceof TypeRef.Float) {
      return scalar(ScalarRules.toFloat(value), value, type, path);
    }
    if (type instanceof TypeRef.Bool) {
      return scalar(ScalarRules.toBool(value), value, type, path);
    }
    if (type instanceof TypeRef.ListOf list) {
      return list(value, list, path);
    }
    if (type instanceof TypeRef.DictOf dict) {
      return dict(value, dict, path);
    }
    return object(value, (TypeRef.ObjectType) type, path);
  }

  /**
   * Coerces the declared fields of a state or an object: declaration order, unknown keys dropped,
   * a required field must be present and non-null, an absent (or null) optional field takes a copy
   * of its default, or null.
   */
  Map<String, Object> fields(Map<String, StateField> fields, Map<?, ?> given, String prefix) {
    Map<String, Object> out = new LinkedHashMap<>();
    fields.forEach((name, field) -> {
      String path = Paths.key(prefix, name);
      out.put(name, field(field, given.containsKey(name), given.get(name), path));
    });
    return Collections.unmodifiableMap(out);
  }

  private Object field(StateField field, boolean present, Object value, String path) {
    if (value != null) {
      return value(value, field.type(), path);
    }
    if (field.required()) {
      problems.add(new CoercionProblem(path, present ? "required field is null" : "required field is missing"));
      return null;
    }
    return field.defaultValue().map(d -> JsonValues.copy(d, path, problems)).orElse(null);
  }

  private Object scalar(ScalarRules.Converted converted, Object value, TypeRef type, String path) {
    if (converted.value().isEmpty()) {
      refuse(path, type, value, converted.detail());
    }
    return converted.value().orElse(null);
  }

  /** Elements of a typed list and values of a typed dict may not be null. */
  private Object element(Object value, Optional<TypeRef> type, String path) {
    if (type.isEmpty()) {
      return JsonValues.copy(value, path, problems);
    }
    if (value == null) {
      refuse(path, type.get(), null, "");
      return null;
    }
    return value(value, type.get(), path);
  }

  private Object list(Object value, TypeRef.ListOf type, String path) {
    if (!(value instanceof List<?> list)) {
      return refuse(path, type, value, "");
    }
    List<Object> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      out.add(element(list.get(i), type.element(), Paths.index(path, i)));
    }
    return Collections.unmodifiableList(out);
  }

  private Object dict(Object value, TypeRef.DictOf type, String path) {
    if (!(value instanceof Map<?, ?> map)) {
      return refuse(path, type, value, "");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> {
      if (!(k instanceof String key)) {
        problems.add(new CoercionProblem(path, "object keys must be strings, got " + JsonValues.describe(k)));
        return;
      }
      String entryPath = Paths.key(path, key);
      String normalised = type.key().map(keyType -> key(key, keyType, entryPath)).orElse(key);
      out.put(normalised, element(v, type.value(), entryPath));
    });
    return Collections.unmodifiableMap(out);
  }

  /**
   * JSON keys are strings: a key is checked against the key type and kept as the text of its
   * coerced value ({@code " 6 "} becomes {@code "6"} for {@code dict[int, V]}, as Pydantic turns
   * it into 6 and JSON output writes it back as "6").
   */
  private String key(String key, TypeRef keyType, String entryPath) {
    Coercer keyCheck = new Coercer();
    Object coerced = keyCheck.value(key, keyType, entryPath);
    keyCheck.problems.forEach(p -> problems.add(new CoercionProblem(entryPath, "invalid key: " + p.message())));
    return coerced instanceof Long || coerced instanceof Double || coerced instanceof Boolean ? coerced.toString() : key;
  }

  private Object object(Object value, TypeRef.ObjectType type, String path) {
    if (!(value instanceof Map<?, ?> map)) {
      return refuse(path, type, value, "");
    }
    return type.hasSchema() ? fields(type.fields(), map, path) : JsonValues.copy(map, path, problems);
  }

  private Object refuse(String path, TypeRef type, Object value, String detail) {
    String message = "expected " + type.typeString() + ", got " + JsonValues.describe(value);
    problems.add(new CoercionProblem(path, detail.isEmpty() ? message : message + " (" + detail + ")"));
    return null;
  }
}
