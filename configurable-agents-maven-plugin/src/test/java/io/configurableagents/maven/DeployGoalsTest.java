package io.configurableagents.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configurableagents.deploy.DeployException;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/** The goals without a Maven runtime: skip flags, and how deploy-layer failures reach Maven. */
class DeployGoalsTest {
  private final List<String> infos = new ArrayList<>();
  private final SystemStreamLog log = new SystemStreamLog() {
    @Override
    public void info(CharSequence content) {
      infos.add(content.toString());
    }
  };

  @Test
  void eachGoalHasItsOwnSkipFlagAndSkipsBeforeReadingTheWorkflow() throws Exception {
    GenerateMojo generate = new GenerateMojo();
    generate.setLog(log);
    generate.workflowFile = new File("/no/such/workflow.yaml");
    setField(generate, "skipGenerate", true);
    generate.execute();

    DeployMojo deploy = new DeployMojo();
    deploy.setLog(log);
    deploy.workflowFile = new File("/no/such/workflow.yaml");
    setField(deploy, "skipDeploy", true);
    deploy.execute();

    assertThat(infos).containsExactly("workflow:generate skipped (workflow.generate.skip)",
        "workflow:deploy skipped (workflow.deploy.skip)");
  }

  @Test
  void theGlobalSkipSkipsDeployToo() throws Exception {
    DeployMojo deploy = new DeployMojo();
    deploy.setLog(log);
    deploy.skip = true;
    deploy.execute();

    assertThat(infos).containsExactly("workflow:deploy skipped (workflow.skip)");
  }

  @Test
  void theGlobalSkipSkipsTheLifecycleGoalsBeforeDockerIsAsked() throws Exception {
    StopMojo stop = new StopMojo();
    stop.setLog(log);
    stop.skip = true;
    stop.dockerExecutable = "/no/such/docker";
    stop.execute();

    assertThat(infos).containsExactly("workflow:stop skipped (workflow.skip)");
  }

  @Test
  void theGlobalSkipSkipsTheConsoleBeforeAnythingIsResolvedOrStarted() throws Exception {
    ConsoleMojo console = new ConsoleMojo();
    console.setLog(log);
    setField(console, "skip", true);
    console.execute();

    assertThat(infos).containsExactly("workflow:console skipped (workflow.skip)");
  }

  @Test
  void theUsersMistakeIsABuildFailureAndABrokenEnvironmentABuildError() {
    assertThatThrownBy(() -> AbstractDeployMojo.rethrow(new MavenHelpfulSuggestions().nameInUse("flow", "running")))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("A container named 'flow' already exists");
    assertThatThrownBy(() -> AbstractDeployMojo.rethrow(new MavenHelpfulSuggestions().dockerNotInstalled("docker")))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("Docker is not installed");
    assertThatThrownBy(() -> AbstractDeployMojo.rethrow(DeployException.environment("Jib could not build x")))
        .isInstanceOf(MojoExecutionException.class);
  }

  private static void setField(Object target, String name, boolean value) throws ReflectiveOperationException {
    java.lang.reflect.Field field = target.getClass().getDeclaredField(name);
    field.setAccessible(true);
    field.setBoolean(target, value);
  }
}
