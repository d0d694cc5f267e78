package io.configurableagents.deploy;

import io.configurableagents.core.model.Workflow;

/** The generated {@code .env.example}: exactly the variables this workflow's providers need. */
final class EnvExample {
  private EnvExample() {}

  static String of(Workflow workflow) {
    StringBuilder text = new StringBuilder();
    text.append("# Environment of workflow ").append(workflow.name()).append(": copy this file to .env and fill in\n")
        .append("# the values. Never commit .env. Write values without quotes (docker run keeps them).\n");
    if (workflow.requiredEnvironment().isEmpty()) {
      text.append("# This workflow's LLM providers need no keys.\n");
    }
    for (String variable : workflow.requiredEnvironment()) {
      text.append(variable).append("=\n");
    }
    return text.toString();
  }
}
