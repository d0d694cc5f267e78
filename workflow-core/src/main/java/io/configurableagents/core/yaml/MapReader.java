package io.configurableagents.core.yaml;

import io.configurableagents.core.model.SourceLocation;
import io.configurableagents.core.model.TypeRef;
import io.configurableagents.core.types.Coercion;
import io.configurableagents.core.types.CoercionResult;
import io.configurableagents.core.validate.Diagnostics;
import io.configurableagents.core.validate.DidYouMean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one mapping of a workflow file: warns about unknown keys (with "did you mean"), and reads
 * typed values, reporting each wrong one at its value. Scalars are taken as the reference's
 * Pydantic models take them: strings must be strings, while integers, numbers and booleans
 * accept the lax forms ({@code "5"}, {@code 5.0}, {@code "yes"}).
 */
final class MapReader {
  private final YamlNode.Mapping mapping;
  private final List<Object> path;
  private final String context;
  private final Diagnostics out;

  private MapReader(YamlNode.Mapping mapping, List<Object> path, String context, Diagnostics out) {
    this.mapping = mapping;
    this.path = List.copyOf(path);
    this.context = context;
    this.out = out;
  }

  /**
   * A reader over {@code node}, or empty (and an error) when it is not a mapping.
   *
   * @param context how messages name this mapping: {@code config.execution}, {@code node "write"}
   * @param known the keys this mapping may have; others are warned about
   */
  static Optional<MapReader> of(YamlNode node, List<Object> path, String context, Set<String> known, Diagnostics out) {
    if (!(node instanceof YamlNode.Mapping m)) {
      out.error(node.at(), context + " must be a mapping, not " + node.describe());
      return Optional.empty();
    }
    MapReader reader = new MapReader(m, path, context, out);
    reader.warnUnknown(known);
    return Optional.of(reader);
  }

  YamlNode.Mapping mapping() {
    return mapping;
  }

  SourceLocation at() {
    return mapping.at();
  }

  String context() {
    return context;
  }

  Diagnostics out() {
    return out;
  }

  /** The path of the value under {@code key}. */
  List<Object> path(Object... more) {
    List<Object> p = new ArrayList<>(path);
    p.addAll(List.of(more));
    return p;
  }

  boolean has(String key) {
    return mapping.entry(key).isPresent();
  }

  /** Where {@code key} is written, when it is (null values included). */
  Optional<SourceLocation> keyAt(String key) {
    return mapping.entry(key).map(e -> e.key().at());
  }

  /** The value under {@code key}; null counts as absent. */
  Optional<YamlNode> node(String key) {
    return mapping.get(key).filter(v -> !isNull(v));
  }

  Optional<YamlNode> required(String key) {
    Optional<YamlNode> value = node(key);
    if (value.isEmpty()) {
      SourceLocation where = mapping.entry(key).map(e -> e.key().at()).orElse(mapping.at());
      out.error(where, context + ": missing required key \"" + key + "\"");
    }
    return value;
  }

  Optional<String> string(String key) {
    return node(key).flatMap(v -> asString(key, v));
  }

  Optional<String> requiredString(String key) {
    return required(key).flatMap(v -> asString(key, v));
  }

  /** A string scalar, else an error that says what it is and how to write it as a string. */
  Optional<YamlNode.Scalar> stringScalar(String key, YamlNode value) {
    if (value instanceof YamlNode.Scalar s && s.isString()) {
      return Optional.of(s);
    }
    String hint = value instanceof YamlNode.Scalar s ? "quote it: " + key + ": \"" + s.text() + "\"" : null;
    String message = context + ": " + key + " must be a string, not " + value.describe();
    if (hint == null) {
      out.error(value.at(), message);
    } else {
      out.error(value.at(), message, hint);
    }
    return Optional.empty();
  }

  private Optional<String> asString(String key, YamlNode value) {
    return stringScalar(key, value).map(YamlNode.Scalar::text);
  }

  Optional<Boolean> bool(String key) {
    return node(key).flatMap(v -> lax(key, v, new TypeRef.Bool(), "true or false")).map(Boolean.class::cast);
  }

  Optional<Long> integer(String key, long min, long max) {
    return node(key)
        .flatMap(v -> lax(key, v, new TypeRef.Int(), "an integer").map(Long.class::cast).filter(n -> inRange(key, v, n, min, max)));
  }

  Optional<Double> decimal(String key, double min, double max) {
    return node(key)
        .flatMap(v -> lax(key, v, new TypeRef.Float(), "a number").map(d -> ((Number) d).doubleValue()).filter(d -> inRange(key, v, d, min, max)));
  }

  /** A string that must be one of {@code values} (exact unless {@code ignoreCase}). */
  Optional<String> oneOf(String key, List<String> values, boolean ignoreCase) {
    return node(key).flatMap(v -> asString(key, v).flatMap(s -> {
      for (String allowed : values) {
        if (ignoreCase ? allowed.equalsIgnoreCase(s) : allowed.equals(s)) {
          return Optional.of(allowed);
        }
      }
      out.error(v.at(), context + ": " + key + " must be one of " + String.join(", ", values) + ", not \"" + s + "\"",
          DidYouMean.closest(s, values).map(c -> "did you mean \"" + c + "\"?").orElse("use one of them"));
      return Optional.empty();
    }));
  }

  Optional<YamlNode.Sequence> list(String key) {
    return node(key).flatMap(v -> {
      if (v instanceof YamlNode.Sequence s) {
        return Optional.of(s);
      }
      out.error(v.at(), context + ": " + key + " must be a list, not " + v.describe());
      return Optional.empty();
    });
  }

  /** A nested mapping read with its own known keys. */
  Optional<MapReader> map(String key, String childContext, Set<String> known) {
    return node(key).flatMap(v -> of(v, path(key), childContext, known, out));
  }

  private Optional<Object> lax(String key, YamlNode value, TypeRef type, String expected) {
    if (value instanceof YamlNode.Scalar s && s.kind() != YamlNode.Kind.TIMESTAMP) {
      CoercionResult result = Coercion.coerce(s.value().orElse(null), type, key);
      if (result.ok() && result.value() != null) {
        return Optional.of(result.value());
      }
    }
    out.error(value.at(), context + ": " + key + " must be " + expected + ", not " + value.describe());
    return Optional.empty();
  }

  private <T extends Comparable<T>> boolean inRange(String key, YamlNode v, T n, T min, T max) {
    if (n.compareTo(min) >= 0 && n.compareTo(max) <= 0) {
      return true;
    }
    out.error(v.at(), context + ": " + key + " must be " + range(min, max) + ", not " + n);
    return false;
  }

  private static String range(Object min, Object max) {
    boolean noMax = max instanceof Long l ? l >= Integer.MAX_VALUE : (Double) max == Double.MAX_VALUE;
    return noMax ? "at least " + min : "between " + min + " and " + max;
  }

  private void warnUnknown(Set<String> known) {
    for (YamlNode.Entry e : mapping.entries()) {
      String key = e.key().text();
      if (!known.contains(key)) {
        out.warning(e.key().at(), context + ": unknown key \"" + key + "\" (ignored)",
            Keys.misplaced(key, path).orElseGet(() -> keyHint(key, known)));
      }
    }
  }

  static String keyHint(String key, Set<String> known) {
    return DidYouMean.closest(key, known)
        .map(c -> "did you mean \"" + c + "\"?")
        .orElse("known keys: " + String.join(", ", known));
  }

  static boolean isNull(YamlNode node) {
    return node instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.NULL;
  }
}
