package io.configurableagents.maven;

import io.configurableagents.deploy.DeployLog;
import io.configurableagents.deploy.DeployRequest;
import io.configurableagents.deploy.Deployer;
import java.time.Duration;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn workflow:deploy}: validates the workflow, checks Docker, the ports and the env file,
 * writes the deployment files, builds the image with Jib into the Docker daemon, runs it detached
 * and waits until {@code /health} answers, then prints how to use it.
 */
@Mojo(name = "deploy", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public final class DeployMojo extends AbstractDeployMojo {

  /** Skip this goal. */
  @Parameter(property = PropertyNames.DEPLOY_SKIP, defaultValue = "false")
  private boolean skipDeploy;

  /** Stop and remove a container of the same name first (its data volume stays). */
  @Parameter(property = PropertyNames.REPLACE, defaultValue = "false")
  private boolean replace;

  /** Seconds to wait until {@code GET /health} answers. */
  @Parameter(property = PropertyNames.READY_TIMEOUT, defaultValue = "60")
  private int readyTimeout;

  @Override
  protected void run(DeployRequest request, DeployLog log) {
    new Deployer(docker(), suggestions, log).deploy(request);
  }

  @Override
  protected boolean replace() {
    return replace;
  }

  @Override
  protected Duration readyTimeout() {
    return Duration.ofSeconds(readyTimeout);
  }

  @Override
  protected Optional<String> goalSkippedBy() {
    return skipDeploy ? Optional.of(PropertyNames.DEPLOY_SKIP) : Optional.empty();
  }

  @Override
  protected String goalName() {
    return "deploy";
  }
}
