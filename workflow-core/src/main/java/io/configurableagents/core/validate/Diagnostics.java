package io.configurableagents.core.validate;

import io.configurableagents.core.model.SourceLocation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collects diagnostics while a file is read and checked; nothing stops at the first one. */
public final class Diagnostics {
  private final List<Diagnostic> collected = new ArrayList<>();

  public void error(SourceLocation at, String message) {
    collected.add(Diagnostic.error(at, message));
  }

  public void error(SourceLocation at, String message, String hint) {
    collected.add(Diagnostic.error(at, message, hint));
  }

  public void warning(SourceLocation at, String message) {
    collected.add(Diagnostic.warning(at, message));
  }

  public void warning(SourceLocation at, String message, String hint) {
    collected.add(Diagnostic.warning(at, message, hint));
  }

  public void add(Diagnostic diagnostic) {
    collected.add(diagnostic);
  }

  public void addAll(Collection<Diagnostic> diagnostics) {
    collected.addAll(diagnostics);
  }

  public boolean hasErrors() {
    return collected.stream().anyMatch(Diagnostic::isError);
  }

  /** Everything collected so far, sorted by position. */
  public List<Diagnostic> sorted() {
    return collected.stream().sorted().toList();
  }
}
