package io.configurableagents.maven;

import io.configurableagents.deploy.ConsoleJava;
import io.configurableagents.deploy.ConsoleLauncher;
import io.configurableagents.deploy.ConsoleSettings;
import io.configurableagents.deploy.DeployException;
import io.configurableagents.deploy.DeployLog;
import io.configurableagents.deploy.HelpfulSuggestions;
import io.configurableagents.deploy.RuntimeJars;
import io.configurableagents.deploy.UserCache;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

/**
 * {@code mvn workflow:console}: a local web console on http://127.0.0.1:8600/ to edit a workflow
 * with the validator's diagnostics on its lines, set its environment (values masked), deploy it as
 * {@code workflow:deploy} does while its progress streams, and see, stop, start, remove and follow
 * the logs of the deployed containers; until Ctrl-C. Works with or without a pom. The console is
 * a Helidon server (Java 21) that runs in a JVM of its own, so Maven may run on Java 17.
 */
@Mojo(name = "console", requiresProject = false, threadSafe = true)
public final class ConsoleMojo extends AbstractMojo {
  /** The console's port. */
  @Parameter(property = PropertyNames.CONSOLE_PORT, defaultValue = "8600")
  private int consolePort;

  /** The address the console listens on; loopback only unless you say otherwise (e.g. 0.0.0.0). */
  @Parameter(property = PropertyNames.CONSOLE_BIND, defaultValue = ConsoleSettings.DEFAULT_BIND)
  private String consoleBind;

  /** The Java 21+ home the console runs on; default: Maven's when it is 21+, else the newest installed one. */
  @Parameter(property = PropertyNames.CONSOLE_JDK)
  private File consoleJdk;

  /** The workflow the page opens with, when it exists. */
  @Parameter(property = PropertyNames.FILE, defaultValue = "${project.basedir}/workflow.yaml")
  private File workflowFile;

  /** Where deploys write their files, a directory per container; default: target/workflow-console. */
  @Parameter(property = PropertyNames.OUTPUT_DIRECTORY)
  private File outputDirectory;

  /** The user-wide cache, as for deploy: base-image layers, the jlink base, the platform copies of jars. */
  @Parameter(property = PropertyNames.CACHE_DIRECTORY)
  private File cacheDirectory;

  /** The JDK (21+) the jlink base is made from; default: the one the console runs on. */
  @Parameter(property = PropertyNames.JLINK_JDK)
  private File jlinkJdk;

  /** The docker command. */
  @Parameter(property = PropertyNames.DOCKER_EXECUTABLE, defaultValue = "docker")
  private String dockerExecutable;

  /** Skip every goal of this plugin. */
  @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
  private String pluginVersion;

  @Component
  private RepositorySystem repositorySystem;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("workflow:console skipped (" + PropertyNames.SKIP + ")");
      return;
    }
    HelpfulSuggestions suggestions = new MavenHelpfulSuggestions();
    DeployLog log = new MavenDeployLog(getLog());
    try {
      List<Path> classpath = RuntimeArtifacts.consoleClasspath(repositorySystem, session.getRepositorySession(),
          project.getRemoteProjectRepositories(), pluginVersion);
      RuntimeJars runtime = RuntimeArtifacts.resolve(repositorySystem, session.getRepositorySession(),
          project.getRemoteProjectRepositories(), pluginVersion);
      ConsoleJava.Found java = ConsoleJava.find(Optional.ofNullable(consoleJdk).map(File::toPath), ConsoleJava.running(),
          ConsoleJava.defaultSearchRoots(), suggestions);
      ConsoleLauncher.checkAddress(consoleBind, consolePort, suggestions, log);
      getLog().info("Starting the console on Java " + java.version() + " (" + java.home() + ")");
      int exit = ConsoleLauncher.run(java, classpath, settings(runtime), log);
      if (exit == ConsoleLauncher.EXIT_CANNOT_START) {
        throw new MojoFailureException("The console did not start; the reason is printed above");
      }
      if (exit != 0 && exit != 130 && exit != 143) {
        throw new MojoExecutionException("The console ended with exit code " + exit + "; its output above says why");
      }
    } catch (DeployException e) {
      AbstractDeployMojo.rethrow(e);
    }
  }

  private ConsoleSettings settings(RuntimeJars runtime) {
    // without a pom, Maven's stand-in project has no directory: the one Maven was started in
    boolean inProject = project.getFile() != null;
    Path basedir = (inProject ? project.getBasedir().toPath() : Path.of(session.getExecutionRootDirectory()))
        .toAbsolutePath();
    // without a pom, what a project keeps in target/ goes into the user-wide cache
    Path target = inProject ? Path.of(project.getBuild().getDirectory()) : UserCache.directory();
    ConsoleSettings.Builder settings = ConsoleSettings.builder(basedir)
        .bind(consoleBind)
        .port(consolePort)
        .runtimeJars(runtime)
        .created(AbstractDeployMojo.created(project))
        .outputDirectory(Optional.ofNullable(outputDirectory).map(File::toPath)
            .orElse(target.resolve("workflow-console")).toAbsolutePath())
        .cacheDirectory(Optional.ofNullable(cacheDirectory).map(File::toPath).orElseGet(UserCache::directory).toAbsolutePath())
        .projectCacheDirectory(target.resolve("workflow-cache").toAbsolutePath())
        .dockerExecutable(dockerExecutable)
        .parentPid(ProcessHandle.current().pid());
    // the default names ${project.basedir}, which the stand-in project lacks: then the file of that name here
    Path given = workflowFile.toPath();
    Path workflow = given.isAbsolute() && Files.isRegularFile(given) ? given : basedir.resolve(given.getFileName());
    if (Files.isRegularFile(workflow)) {
      settings.workflowFile(workflow);
    }
    if (inProject) {
      settings.projectVersion(project.getVersion());
      AbstractDeployMojo.source(project).ifPresent(settings::source);
    }
    Optional.ofNullable(jlinkJdk).map(f -> f.toPath().toAbsolutePath()).ifPresent(settings::jlinkJdk);
    return settings.build();
  }
}
