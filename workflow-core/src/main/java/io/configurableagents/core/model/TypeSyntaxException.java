package io.configurableagents.core.model;

import io.configurableagents.core.WorkflowException;
import java.util.Objects;
import java.util.Optional;

/**
 * A type string that does not parse. {@link #offset()} is 0-based within the type string as given
 * (before trimming). The message is the problem followed by the hint in parentheses, if any:
 * {@code invalid type "List[str]": unknown type name "List" (did you mean "list[str]"?)}.
 */
public final class TypeSyntaxException extends WorkflowException {
  private static final long serialVersionUID = 1L;
  private final int offset;
  private final String problem;
  private final String hint;

  public TypeSyntaxException(String message, int offset) {
    this(message, Optional.empty(), offset);
  }

  /**
   * @param problem what is wrong, e.g. {@code invalid type "List[str]": unknown type name "List"}
   * @param hint how to fix it, e.g. {@code did you mean "list[str]"?}
   */
  public TypeSyntaxException(String problem, Optional<String> hint, int offset) {
    super(hint.map(h -> problem + " (" + h + ")").orElse(problem));
    this.problem = Objects.requireNonNull(problem, "problem");
    this.hint = hint.orElse(null);
    this.offset = offset;
  }

  public int offset() {
    return offset;
  }

  /** The message without the hint. */
  public String problem() {
    return problem;
  }

  /** How to fix it ("did you mean ...", "perhaps you should ..."), if there is advice to give. */
  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }
}
