package io.configurableagents.runtime.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a run failed: the kind, the node that was running (when one was) and a message for users
 * that says what happened and how to fix it. It never holds a stack trace or a secret.
 */
public record RunError(EngineError type, Optional<String> node, String message) {
  public RunError {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(message, "message");
  }

  /** An error of {@code type} at {@code node}, its message made from the type's template. */
  static RunError at(EngineError type, String node, Object... args) {
    return new RunError(type, Optional.of(node), type.format(args));
  }

  /** An error not tied to one node. */
  static RunError of(EngineError type, Object... args) {
    return new RunError(type, Optional.empty(), type.format(args));
  }

  /** Whether an LLM provider is to blame (the API answers 502 rather than 500). */
  public boolean providerFailure() {
    return type.providerFailure();
  }

  @Override
  public String toString() {
    return type.id() + ": " + message;
  }
}
