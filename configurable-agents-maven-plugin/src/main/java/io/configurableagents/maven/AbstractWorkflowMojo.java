package io.configurableagents.maven;

import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.validate.Diagnostic;
import io.configurableagents.core.validate.DiagnosticFormatter;
import io.configurableagents.core.validate.ValidationReport;
import io.configurableagents.core.yaml.WorkflowLoader;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The shape of every goal: skip check, load and validate the workflow, print every diagnostic with
 * its source line, fail on errors (or on warnings in strict mode), then {@link #run}.
 */
public abstract class AbstractWorkflowMojo extends AbstractMojo {

  /** The workflow file (YAML, or JSON by its {@code .json} extension). */
  @Parameter(property = PropertyNames.FILE, defaultValue = "${project.basedir}/workflow.yaml")
  protected File workflowFile;

  /** Treat warnings as errors: a file with warnings fails the build. */
  @Parameter(property = PropertyNames.STRICT, defaultValue = "false")
  protected boolean strict;

  /** Skip every goal of this plugin. */
  @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
  protected boolean skip;

  /** Where Maven was started; diagnostics name the file relative to it. */
  @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
  protected File executionRoot;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    Optional<String> skippedBy = skip ? Optional.of(PropertyNames.SKIP) : goalSkippedBy();
    if (skippedBy.isPresent()) {
      getLog().info("workflow:" + goalName() + " skipped (" + skippedBy.get() + ")");
      return;
    }
    Path file = workflowFile.toPath().toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      throw new MojoFailureException(ValidationMessages.missingFile(file));
    }
    ValidationReport report = WorkflowLoader.fromPath(file, ValidationMessages.displayName(file, executionRoot)).validate();
    print(report);
    List<Diagnostic> errors = report.errors();
    if (!errors.isEmpty() || (strict && !report.warnings().isEmpty())) {
      throw new MojoFailureException(ValidationMessages.failure(file.getFileName().toString(), report, strict));
    }
    run(report.workflow().orElseThrow());
  }

  /** The goal's own work, on a workflow without errors. */
  protected abstract void run(Workflow workflow) throws MojoExecutionException, MojoFailureException;

  /** The goal's name, for messages. */
  protected abstract String goalName();

  /** The property of the goal's own skip flag (e.g. {@code workflow.deploy.skip}) when it is set. */
  protected Optional<String> goalSkippedBy() {
    return Optional.empty();
  }

  /** Each diagnostic with its source line and caret, errors as errors and warnings as warnings. */
  private void print(ValidationReport report) {
    for (Diagnostic d : report.diagnostics()) {
      String block = DiagnosticFormatter.format(List.of(d), report.sourceText()).stripTrailing();
      if (d.isError() || strict) {
        getLog().error(block);
      } else {
        getLog().warn(block);
      }
    }
  }
}
