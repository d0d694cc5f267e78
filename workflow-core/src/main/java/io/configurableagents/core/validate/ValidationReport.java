package io.configurableagents.core.validate;

import io.configurableagents.core.model.Workflow;
import java.util.List;
import java.util.Optional;

/**
 * Everything the loader found in one file: all diagnostics, sorted by position, and the workflow
 * when there is no error.
 *
 * @param sourceText the file's text (for caret snippets); empty when it could not be decoded
 */
public record ValidationReport(List<Diagnostic> diagnostics, Optional<Workflow> workflow, String sourceText) {

  public ValidationReport {
    diagnostics = diagnostics.stream().sorted().toList();
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> !d.isError()).toList();
  }

  /**
   * Every diagnostic in the GCC form, each followed by the source line and a caret under the
   * column, as compilers print them.
   */
  public String format() {
    return DiagnosticFormatter.format(diagnostics, sourceText);
  }
}
