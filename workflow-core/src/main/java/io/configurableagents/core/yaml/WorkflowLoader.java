package io.configurableagents.core.yaml;

import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.validate.ValidationReport;
import io.configurableagents.core.validate.WorkflowDefinitionException;
import java.nio.file.Path;

/**
 * The one entry point to read a workflow file (YAML or JSON by extension).
 *
 * <pre>
 * Workflow wf = WorkflowLoader.fromPath(path).load();        // or throws with every diagnostic
 * ValidationReport r = WorkflowLoader.fromPath(path).validate(); // for tools that print warnings
 * </pre>
 */
public final class WorkflowLoader {
  private final String fileName;
  private final Path path;
  private final byte[] content;

  private WorkflowLoader(String fileName, Path path, byte[] content) {
    this.fileName = fileName;
    this.path = path;
    this.content = content;
  }

  /** A file on disk; diagnostics name it as given. */
  public static WorkflowLoader fromPath(Path path) {
    return new WorkflowLoader(path.toString(), path, null);
  }

  /** Content in memory; {@code fileName} decides YAML or JSON and appears in diagnostics. */
  public static WorkflowLoader fromBytes(String fileName, byte[] content) {
    return new WorkflowLoader(fileName, null, content.clone());
  }

  /** Content in memory, as text. */
  public static WorkflowLoader fromString(String fileName, String content) {
    return fromBytes(fileName, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Loads and validates; never throws for bad content: every problem is a diagnostic. */
  public ValidationReport validate() {
    throw new UnsupportedOperationException("WorkflowLoader: not implemented yet");
  }

  /**
   * Loads and validates.
   *
   * @throws WorkflowDefinitionException when the file has errors (warnings alone do not throw)
   */
  public Workflow load() {
    ValidationReport report = validate();
    if (report.hasErrors()) {
      throw new WorkflowDefinitionException(report);
    }
    return report.workflow().orElseThrow();
  }
}
