package io.configurableagents.maven;

import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.validate.ValidationReport;
import io.configurableagents.core.yaml.WorkflowLoader;
import java.io.File;
import java.nio.file.Files;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The shape of every goal: skip check, load and validate the workflow, fail on errors with every
 * diagnostic, then {@link #run}.
 */
public abstract class AbstractWorkflowMojo extends AbstractMojo {

  /** The workflow file. */
  @Parameter(property = PropertyNames.FILE, defaultValue = "${project.basedir}/workflow.yaml")
  protected File workflowFile;

  /** Treat warnings as errors. */
  @Parameter(property = PropertyNames.STRICT, defaultValue = "false")
  protected boolean strict;

  /** Skip every goal of this plugin. */
  @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
  protected boolean skip;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip || goalSkip()) {
      getLog().info("workflow:" + goalName() + " skipped");
      return;
    }
    if (!Files.isRegularFile(workflowFile.toPath())) {
      throw new MojoFailureException(
          "Workflow file not found: "
              + workflowFile
              + ". Put workflow.yaml in the project directory, or point <workflowFile> or -D"
              + PropertyNames.FILE
              + "=... at it.");
    }
    ValidationReport report = WorkflowLoader.fromPath(workflowFile.toPath()).validate();
    printDiagnostics(report);
    long errors = report.errors().size();
    long warnings = report.warnings().size();
    if (errors > 0 || (strict && warnings > 0)) {
      throw new MojoFailureException(failureMessage(errors, warnings));
    }
    run(report.workflow().orElseThrow());
  }

  /** The goal's own work, on a workflow without errors. */
  protected abstract void run(Workflow workflow) throws MojoExecutionException, MojoFailureException;

  /** The goal's name, for messages. */
  protected abstract String goalName();

  /** The goal's own skip flag. */
  protected boolean goalSkip() {
    return false;
  }

  private void printDiagnostics(ValidationReport report) {
    for (String block : report.format().split("(?m)^(?=\\S)")) {
      if (block.isBlank()) {
        continue;
      }
      if (block.contains(": error: ")) {
        getLog().error(block.stripTrailing());
      } else {
        getLog().warn(block.stripTrailing());
      }
    }
  }

  private String failureMessage(long errors, long warnings) {
    if (errors > 0) {
      return workflowFile.getName() + " has " + plural(errors, "error") + (warnings > 0 ? " and " + plural(warnings, "warning") : "")
          + "; see the diagnostics above";
    }
    return workflowFile.getName() + " has " + plural(warnings, "warning") + " and strict mode (-D" + PropertyNames.STRICT + ") treats them as errors";
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
