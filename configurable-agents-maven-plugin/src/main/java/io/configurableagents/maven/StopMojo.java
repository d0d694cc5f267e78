package io.configurableagents.maven;

import io.configurableagents.deploy.ContainerLifecycle;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code mvn workflow:stop}: stops the deployed container (runs in flight get a minute to
 * finish); its data volume and settings stay for {@code workflow:start}.
 */
@Mojo(name = "stop", requiresProject = false, threadSafe = true)
public final class StopMojo extends AbstractLifecycleMojo {

  @Override
  protected void run(ContainerLifecycle lifecycle) {
    lifecycle.stop(containerName(lifecycle));
  }

  @Override
  protected String goalName() {
    return "stop";
  }
}
