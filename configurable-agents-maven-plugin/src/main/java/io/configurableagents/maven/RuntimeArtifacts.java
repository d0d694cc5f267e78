package io.configurableagents.maven;

import io.configurableagents.deploy.RuntimeJars;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * The modules of this project that goals run outside Maven's JVM, of this plugin's own version
 * with their runtime dependencies, through Maven's resolver (the reactor, the local repository,
 * or the project's repositories once it is published): the runtime that goes into the image, and
 * the console that {@code workflow:console} starts.
 */
final class RuntimeArtifacts {
  static final String GROUP_ID = "io.configurableagents";
  static final String ARTIFACT_ID = "helidon-runtime";
  static final String CONSOLE_ARTIFACT_ID = "workflow-console";

  /**
   * The runtime class path: compile and runtime scopes. Written here rather than taken from the
   * resolver's utilities, which Maven before 3.9 does not give plugins (docs/deploy.md: Maven 3.6.3+).
   */
  private static final DependencyFilter RUNTIME_CLASS_PATH = (node, parents) -> node.getDependency() == null
      || Set.of("", "compile", "runtime").contains(node.getDependency().getScope());

  private RuntimeArtifacts() {}

  static RuntimeJars resolve(RepositorySystem system, RepositorySystemSession session,
      List<RemoteRepository> repositories, String version) throws MojoExecutionException {
    Artifact runtime = new DefaultArtifact(GROUP_ID, ARTIFACT_ID, "jar", version);
    Path runtimeJar = null;
    List<Path> libraries = new ArrayList<>();
    for (ArtifactResult result : resolve(system, session, repositories, runtime, "the runtime", "that the image runs")) {
      Artifact artifact = result.getArtifact();
      File file = artifact.getFile();
      if (artifact.getGroupId().equals(GROUP_ID) && artifact.getArtifactId().equals(ARTIFACT_ID)) {
        runtimeJar = file.toPath();
      } else if (file.getName().endsWith(".jar")) {
        libraries.add(file.toPath());
      }
    }
    if (runtimeJar == null) {
      throw new MojoExecutionException("Maven resolved no jar for " + runtime);
    }
    return new RuntimeJars(runtimeJar, libraries);
  }

  /** The console's class path: its jar and its runtime dependencies. */
  static List<Path> consoleClasspath(RepositorySystem system, RepositorySystemSession session,
      List<RemoteRepository> repositories, String version) throws MojoExecutionException {
    Artifact console = new DefaultArtifact(GROUP_ID, CONSOLE_ARTIFACT_ID, "jar", version);
    List<Path> classpath = new ArrayList<>();
    for (ArtifactResult result : resolve(system, session, repositories, console, "the console", "that workflow:console runs")) {
      File file = result.getArtifact().getFile();
      if (file.getName().endsWith(".jar")) {
        classpath.add(file.toPath());
      }
    }
    return classpath;
  }

  private static List<ArtifactResult> resolve(RepositorySystem system, RepositorySystemSession session,
      List<RemoteRepository> repositories, Artifact artifact, String what, String purpose) throws MojoExecutionException {
    CollectRequest collect = new CollectRequest(new Dependency(artifact, "runtime"), repositories);
    DependencyRequest request = new DependencyRequest(collect, RUNTIME_CLASS_PATH);
    try {
      return system.resolveDependencies(session, request).getArtifactResults();
    } catch (DependencyResolutionException e) {
      throw new MojoExecutionException("Could not resolve " + what + " " + artifact + " " + purpose + ": "
          + e.getMessage() + "; perhaps you should build it first (./mvnw install -pl " + artifact.getArtifactId()
          + " -am in the configurable-agents checkout), or use a released plugin version", e);
    }
  }
}
