package io.configurableagents.maven;

import io.configurableagents.core.model.Workflow;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code mvn workflow:validate}: prints every problem of the workflow file in the
 * {@code file:line:col} form with its source line, and fails the build when there are errors (or
 * warnings, with {@code -Dworkflow.strict}).
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class ValidateMojo extends AbstractWorkflowMojo {

  @Override
  protected void run(Workflow workflow) {
    getLog().info(workflowFile.getName() + " is valid: flow \"" + workflow.name() + "\", "
        + ValidationMessages.count(workflow.state().size(), "state field") + ", "
        + ValidationMessages.count(workflow.nodes().size(), "node") + ", "
        + ValidationMessages.count(workflow.edges().size(), "edge") + ".");
  }

  @Override
  protected String goalName() {
    return "validate";
  }
}
