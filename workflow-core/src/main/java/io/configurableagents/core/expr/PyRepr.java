package io.configurableagents.core.expr;

/**
 * Python {@code str()} forms of JSON-model values, as the reference shows them to the LLM
 * (workflow-format.md B 9.3): {@code None}, {@code True}, {@code 0.5}, {@code 3.0},
 * {@code ['a', 'b']}, {@code {'a': 1}}; strings inside containers use Python's {@code repr}
 * quoting.
 */
public final class PyRepr {
  private PyRepr() {}

  /** {@code str(value)}: a top-level string is itself, unquoted. */
  public static String str(Object value) {
    throw new UnsupportedOperationException("PyRepr: not implemented yet");
  }

  /** {@code repr(value)}: strings quoted as Python does. */
  public static String repr(Object value) {
    throw new UnsupportedOperationException("PyRepr: not implemented yet");
  }
}
