package io.configurableagents.maven;

import io.configurableagents.deploy.ContainerLifecycle;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn workflow:undeploy}: stops (runs in flight get a minute) and removes the deployed
 * container; its data volume stays unless {@code -Dworkflow.removeData}. Says what it removed.
 */
@Mojo(name = "undeploy", requiresProject = false, threadSafe = true)
public final class UndeployMojo extends AbstractLifecycleMojo {

  /** Remove the container's data volume too (its jobs, traces and AOT cache). */
  @Parameter(property = PropertyNames.REMOVE_DATA, defaultValue = "false")
  private boolean removeData;

  @Override
  protected void run(ContainerLifecycle lifecycle) {
    lifecycle.undeploy(containerName(lifecycle), removeData);
  }

  @Override
  protected String goalName() {
    return "undeploy";
  }
}
