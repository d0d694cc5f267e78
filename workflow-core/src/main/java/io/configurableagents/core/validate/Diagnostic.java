package io.configurableagents.core.validate;

import io.configurableagents.core.model.SourceLocation;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem of a workflow file: {@code workflow.yaml:12:5: error: message (hint)}.
 *
 * @param message the fact, e.g. {@code unknown node "wirte" in edge}
 * @param hint the fix, e.g. {@code did you mean "write"?}, if any
 */
public record Diagnostic(SourceLocation location, Severity severity, String message, Optional<String> hint)
    implements Comparable<Diagnostic> {

  private static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::location)
          .thenComparing(Diagnostic::severity)
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
  }

  public static Diagnostic error(SourceLocation at, String message) {
    return new Diagnostic(at, Severity.ERROR, message, Optional.empty());
  }

  public static Diagnostic error(SourceLocation at, String message, String hint) {
    return new Diagnostic(at, Severity.ERROR, message, Optional.of(hint));
  }

  public static Diagnostic warning(SourceLocation at, String message) {
    return new Diagnostic(at, Severity.WARNING, message, Optional.empty());
  }

  public static Diagnostic warning(SourceLocation at, String message, String hint) {
    return new Diagnostic(at, Severity.WARNING, message, Optional.of(hint));
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public int compareTo(Diagnostic other) {
    return ORDER.compare(this, other);
  }

  /** The one-line GCC form: {@code file:line:col: severity: message (hint)}. */
  @Override
  public String toString() {
    return location + ": " + severity.label() + ": " + message + hint.map(h -> " (" + h + ")").orElse("");
  }
}
