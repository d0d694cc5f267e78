package io.configurableagents.maven;

import io.configurableagents.deploy.ContainerLifecycle;
import io.configurableagents.deploy.StatusText;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code mvn workflow:status}: every container deployed on this Docker daemon (found by its
 * labels) with its flow, image, state, health and readiness, host ports and uptime; with
 * {@code -Dworkflow.name}, that one in detail. Works in any directory, with or without a pom.
 */
@Mojo(name = "status", requiresProject = false, threadSafe = true)
public final class StatusMojo extends AbstractLifecycleMojo {

  @Override
  protected void run(ContainerLifecycle lifecycle) {
    List<String> lines = givenName().isPresent()
        ? StatusText.detail(lifecycle.status(givenName().get()))
        : StatusText.table(lifecycle.status());
    lines.forEach(getLog()::info);
  }

  @Override
  protected String goalName() {
    return "status";
  }
}
