package io.configurableagents.runtime.tools;

import java.util.Objects;

/** A tool call that did not give a result: why, in words the model and users can act on. */
public final class ToolException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What kind of failure: the model's input, a refusal of the runtime's rules, or the tool's own failure. */
  public enum Kind {
    /** The model's input does not fit the tool (always told to the model, which can correct it). */
    BAD_INPUT,
    /** The runtime refused the call (a path outside the allowed directories, a private address...). */
    REFUSED,
    /** The tool itself failed (HTTP error, database error, timeout...). */
    FAILED
  }

  private final Kind kind;

  private ToolException(Kind kind, String message) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.kind = kind;
  }

  public static ToolException badInput(String message) {
    return new ToolException(Kind.BAD_INPUT, message);
  }

  public static ToolException refused(String message) {
    return new ToolException(Kind.REFUSED, message);
  }

  public static ToolException failed(String message) {
    return new ToolException(Kind.FAILED, message);
  }

  public Kind kind() {
    return kind;
  }
}
