package io.configurableagents.maven;

import io.configurableagents.deploy.ContainerLifecycle;
import io.configurableagents.deploy.LogFollower;
import java.util.OptionalInt;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn workflow:logs}: the container's log, as it wrote it (on standard output, so that
 * {@code mvn -q} prints the log alone); {@code -Dworkflow.follow} keeps printing new lines until
 * Ctrl-C or until the container stops.
 */
@Mojo(name = "logs", requiresProject = false, threadSafe = true)
public final class LogsMojo extends AbstractLifecycleMojo {

  /** Keep printing new lines until Ctrl-C (or until the container stops). */
  @Parameter(property = PropertyNames.FOLLOW, defaultValue = "false")
  private boolean follow;

  /** Only the last N lines (and then, when following, the new ones); default: every line. */
  @Parameter(property = PropertyNames.TAIL)
  private Integer tail;

  @Override
  protected void run(ContainerLifecycle lifecycle) throws MojoExecutionException {
    OptionalInt lines = tail == null ? OptionalInt.empty() : OptionalInt.of(tail);
    try (LogFollower log = lifecycle.logs(containerName(lifecycle), lines, follow, System.out::println)) {
      log.cancelOnExit().await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("Interrupted while reading the log", e);
    }
  }

  @Override
  protected String goalName() {
    return "logs";
  }
}
