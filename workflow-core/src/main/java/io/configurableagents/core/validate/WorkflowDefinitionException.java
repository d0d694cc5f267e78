package io.configurableagents.core.validate;

import io.configurableagents.core.WorkflowException;
import java.util.List;

/** A workflow file with errors. Carries every diagnostic of the file. */
public final class WorkflowDefinitionException extends WorkflowException {
  private static final long serialVersionUID = 1L;
  private final transient ValidationReport report;

  public WorkflowDefinitionException(ValidationReport report) {
    super(summary(report));
    this.report = report;
  }

  public ValidationReport report() {
    return report;
  }

  public List<Diagnostic> diagnostics() {
    return report.diagnostics();
  }

  private static String summary(ValidationReport report) {
    int errors = report.errors().size();
    return "workflow has " + errors + (errors == 1 ? " error" : " errors") + System.lineSeparator() + report.format();
  }
}
