package io.configurableagents.deploy;

import io.configurableagents.core.model.EnvironmentVariable;
import io.configurableagents.core.model.EnvironmentVariable.Need;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.model.WorkflowEnvironment;
import java.util.List;

/**
 * The generated {@code .env.example}: every variable the runtime reads for this workflow ({@link
 * WorkflowEnvironment}), each with a comment that says what reads it and what it holds. The keys
 * and what the tools need are lines to fill in; the optional ones are commented out.
 */
final class EnvExample {
  private static final int WIDTH = 100;

  private EnvExample() {}

  static String of(Workflow workflow) {
    List<EnvironmentVariable> variables = WorkflowEnvironment.of(workflow).variables();
    StringBuilder text = new StringBuilder();
    text.append("# Environment of workflow ").append(workflow.name()).append(": copy this file to .env and fill in\n")
        .append("# the values. Never commit .env. Write values without quotes (docker run keeps them).\n");
    if (variables.stream().noneMatch(v -> v.need() == Need.REQUIRED)) {
      text.append("# This workflow needs no keys.\n");
    }
    section(text, variables, Need.REQUIRED, "");
    section(text, variables, Need.NEEDED, "# Without these, a tool of this workflow does nothing useful (its calls fail or are refused):\n");
    section(text, variables, Need.OPTIONAL, "# Optional (docs/tools.md): remove the '# ' to set one.\n");
    return text.toString();
  }

  private static void section(StringBuilder text, List<EnvironmentVariable> variables, Need need, String heading) {
    List<EnvironmentVariable> these = variables.stream().filter(v -> v.need() == need).toList();
    if (these.isEmpty()) {
      return;
    }
    text.append('\n').append(heading);
    for (EnvironmentVariable v : these) {
      comment(text, v.usedBy() + ": " + v.purpose());
      text.append(need == Need.OPTIONAL ? "# " : "").append(v.name()).append("=\n");
    }
  }

  /** {@code text} as comment lines of at most about {@value #WIDTH} characters, broken between words. */
  private static void comment(StringBuilder text, String comment) {
    StringBuilder line = new StringBuilder("#");
    for (String word : comment.split(" ")) {
      if (line.length() > 1 && line.length() + 1 + word.length() > WIDTH) {
        text.append(line).append('\n');
        line = new StringBuilder("#  ");
      }
      line.append(' ').append(word);
    }
    text.append(line).append('\n');
  }
}
