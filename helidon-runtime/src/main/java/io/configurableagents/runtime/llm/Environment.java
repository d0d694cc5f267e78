package io.configurableagents.runtime.llm;

import java.util.Map;
import java.util.Optional;

/**
 * Where API keys come from. Injected, never read from {@code System.getenv} deep inside, so tests
 * control it. A blank value counts as absent.
 */
@FunctionalInterface
public interface Environment {

  /** The raw value of a variable, blank or not; use {@link #variable} to read one. */
  Optional<String> lookup(String name);

  /** The value of a variable, absent when unset or blank. */
  default Optional<String> variable(String name) {
    return lookup(name).filter(value -> !value.isBlank());
  }

  /** The process environment. */
  static Environment system() {
    return name -> Optional.ofNullable(System.getenv(name));
  }

  /** A fixed set of variables (a copy is kept). */
  static Environment of(Map<String, String> variables) {
    Map<String, String> copy = Map.copyOf(variables);
    return name -> Optional.ofNullable(copy.get(name));
  }
}
