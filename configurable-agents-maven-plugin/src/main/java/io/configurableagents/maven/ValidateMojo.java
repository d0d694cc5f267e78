package io.configurableagents.maven;

import io.configurableagents.core.model.Workflow;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code mvn workflow:validate}: prints every problem of the workflow file, fails on errors. */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class ValidateMojo extends AbstractWorkflowMojo {

  @Override
  protected void run(Workflow workflow) {
    getLog().info(workflowFile.getName() + " is valid: flow \"" + workflow.name() + "\", "
        + workflow.nodes().size() + " nodes, " + workflow.edges().size() + " edges");
  }

  @Override
  protected String goalName() {
    return "validate";
  }
}
