package io.configurableagents.maven;

import io.configurableagents.deploy.ContainerLifecycle;
import java.time.Duration;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn workflow:start}: starts a stopped container and waits until {@code GET /health}
 * answers, as deploy does; warns when the runtime says it is not ready, with the reason.
 */
@Mojo(name = "start", requiresProject = false, threadSafe = true)
public final class StartMojo extends AbstractLifecycleMojo {

  /** Seconds to wait until {@code GET /health} answers. */
  @Parameter(property = PropertyNames.READY_TIMEOUT, defaultValue = "60")
  private int readyTimeout;

  @Override
  protected void run(ContainerLifecycle lifecycle) {
    lifecycle.start(containerName(lifecycle), Duration.ofSeconds(readyTimeout));
  }

  @Override
  protected String goalName() {
    return "start";
  }
}
