package io.configurableagents.core.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Looks up one placeholder at render time (docs/workflow-format.md, "Prompts and placeholders"): the node's inputs first, by the whole dotted
 * text, then a walk through the state, one map key per segment. Failures name the variable,
 * suggest a close name and list what is available.
 */
final class PlaceholderResolver {
  private static final int MAX_LISTED = 30;

  private PlaceholderResolver() {}

  static Object resolve(FieldRef ref, Map<String, ?> state, Map<String, String> inputs) {
    if (inputs.containsKey(ref.dotted())) {
      return inputs.get(ref.dotted());
    }
    if (!state.containsKey(ref.root())) {
      throw unknownRoot(ref, state, inputs);
    }
    Object value = state.get(ref.root());
    List<String> path = ref.path();
    for (int i = 1; i < path.size(); i++) {
      String walked = String.join(".", path.subList(0, i));
      if (!(value instanceof Map<?, ?> map)) {
        throw failure(ref, walked + " is " + kind(value) + ", not an object"
            + (value instanceof List<?> ? " (list indexing is not supported)" : ""));
      }
      String key = path.get(i);
      if (!map.containsKey(key)) {
        List<String> keys = names(map.keySet());
        throw failure(ref, walked + " has no key \"" + key + "\"" + suggestion(key, keys) + "; its keys: " + listed(keys));
      }
      value = map.get(key);
    }
    return value;
  }

  private static TemplateRenderException unknownRoot(FieldRef ref, Map<String, ?> state, Map<String, String> inputs) {
    List<String> candidates = new ArrayList<>(inputs.keySet());
    List<String> fields = names(state.keySet());
    candidates.addAll(fields);
    String message = "variable {" + ref.text() + "} not found" + suggestion(ref.root(), candidates);
    String available = (inputs.isEmpty() ? "" : "; available inputs: " + listed(names(inputs.keySet())))
        + "; available state fields: " + listed(fields);
    return new TemplateRenderException(ref.text(), message + available);
  }

  private static TemplateRenderException failure(FieldRef ref, String why) {
    return new TemplateRenderException(ref.text(), "variable {" + ref.text() + "} not found: " + why);
  }

  private static String suggestion(String name, List<String> candidates) {
    return NearestName.closest(name, candidates).map(c -> " (did you mean \"" + c + "\"?)").orElse("");
  }

  private static List<String> names(Iterable<?> keys) {
    List<String> names = new ArrayList<>();
    keys.forEach(k -> names.add(String.valueOf(k)));
    return names;
  }

  private static String listed(List<String> names) {
    if (names.isEmpty()) {
      return "none";
    }
    return names.size() <= MAX_LISTED
        ? String.join(", ", names)
        : String.join(", ", names.subList(0, MAX_LISTED)) + ", ... (" + names.size() + " in all)";
  }

  /** The Python type name of a value, as a user of the reference would say it. */
  private static String kind(Object value) {
    if (value == null) {
      return "None";
    }
    if (value instanceof String) {
      return "a str";
    }
    if (value instanceof Boolean) {
      return "a bool";
    }
    if (value instanceof Double || value instanceof Float || value instanceof java.math.BigDecimal) {
      return "a float";
    }
    if (value instanceof Number) {
      return "an int";
    }
    return value instanceof List<?> ? "a list" : "a " + value.getClass().getSimpleName();
  }
}
