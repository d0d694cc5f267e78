package io.configurableagents.maven;

import io.configurableagents.core.validate.ValidationReport;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** The plugin's messages about the workflow file: where it looked, what failed, how to fix it. */
final class ValidationMessages {
  private ValidationMessages() {}

  static String missingFile(Path file) {
    String problem = Files.isDirectory(file) ? file + " is a directory, not a workflow file." : "No workflow file at " + file + ".";
    return problem + " Put your workflow there, or point the plugin at it with <workflowFile>path/to/workflow.yaml</workflowFile>"
        + " in its <configuration> or -D" + PropertyNames.FILE + "=path/to/workflow.yaml on the command line.";
  }

  static String failure(String fileName, ValidationReport report, boolean strict) {
    int errors = report.errors().size();
    int warnings = report.warnings().size();
    if (errors > 0) {
      return fileName + " has " + count(errors, "error") + (warnings > 0 ? " and " + count(warnings, "warning") : "")
          + "; see the diagnostics above.";
    }
    return fileName + " has " + count(warnings, "warning") + ", and strict mode (" + PropertyNames.STRICT
        + ") treats warnings as errors; see the diagnostics above.";
  }

  /** The file relative to where Maven was started when it is below it, else absolute. */
  static String displayName(Path file, File executionRoot) {
    if (executionRoot != null) {
      Path root = executionRoot.toPath().toAbsolutePath().normalize();
      if (file.startsWith(root) && !file.equals(root)) {
        return root.relativize(file).toString();
      }
    }
    return file.toString();
  }

  static String count(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
