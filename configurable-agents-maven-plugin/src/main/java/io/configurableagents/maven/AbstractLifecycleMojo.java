package io.configurableagents.maven;

import io.configurableagents.deploy.ContainerLifecycle;
import io.configurableagents.deploy.DeployException;
import io.configurableagents.deploy.DockerCli;
import io.configurableagents.deploy.HelpfulSuggestions;
import java.io.File;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The shape of the goals that act on deployed containers (status, logs, stop, start, undeploy):
 * the skip check, the container's name (given, else the one deploy gives the workflow), the
 * Maven-free {@link ContainerLifecycle}, and its exceptions mapped once. They need no project.
 */
public abstract class AbstractLifecycleMojo extends AbstractMojo {
  /** The container; default: the one deploy names for the workflow file (its flow name, sanitised). */
  @Parameter(property = PropertyNames.NAME)
  protected String name;

  /** The workflow whose container is meant when no name is given. */
  @Parameter(property = PropertyNames.FILE, defaultValue = "${project.basedir}/workflow.yaml")
  protected File workflowFile;

  /** The docker command. */
  @Parameter(property = PropertyNames.DOCKER_EXECUTABLE, defaultValue = "docker")
  protected String dockerExecutable;

  /** Skip every goal of this plugin. */
  @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
  protected boolean skip;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("workflow:" + goalName() + " skipped (" + PropertyNames.SKIP + ")");
      return;
    }
    HelpfulSuggestions suggestions = new MavenHelpfulSuggestions();
    DockerCli docker = DockerCli.create(dockerExecutable, Map.of(), suggestions);
    try {
      run(new ContainerLifecycle(docker, suggestions, new MavenDeployLog(getLog())));
    } catch (DeployException e) {
      AbstractDeployMojo.rethrow(e);
    }
  }

  /** The name given, if any. */
  protected Optional<String> givenName() {
    return Optional.ofNullable(name).filter(n -> !n.isBlank());
  }

  /** The container meant: the name given, else deploy's name for the workflow file. */
  protected String containerName(ContainerLifecycle lifecycle) {
    return lifecycle.containerName(givenName(), workflowFile.toPath().toAbsolutePath());
  }

  /** The goal's work. */
  protected abstract void run(ContainerLifecycle lifecycle) throws MojoExecutionException;

  /** The goal's name, for messages. */
  protected abstract String goalName();
}
