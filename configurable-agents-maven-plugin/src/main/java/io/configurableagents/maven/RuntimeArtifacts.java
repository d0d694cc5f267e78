package io.configurableagents.maven;

import io.configurableagents.core.model.Workflow;
import io.configurableagents.deploy.OptionalRuntimeLibrary;
import io.configurableagents.deploy.RuntimeJars;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * The runtime that goes into the image: {@code io.configurableagents:helidon-runtime} of this
 * plugin's own version with its runtime dependencies, through Maven's resolver (the reactor, the
 * local repository, or the project's repositories once it is published). Of its optional
 * dependencies ({@link OptionalRuntimeLibrary}), only those the workflow needs.
 */
final class RuntimeArtifacts {
  static final String GROUP_ID = "io.configurableagents";
  static final String ARTIFACT_ID = "helidon-runtime";

  private RuntimeArtifacts() {}

  static RuntimeJars resolve(RepositorySystem system, RepositorySystemSession session,
      List<RemoteRepository> repositories, String version, Workflow workflow, Log log) throws MojoExecutionException {
    Artifact runtime = new DefaultArtifact(GROUP_ID, ARTIFACT_ID, "jar", version);
    // Maven keeps the optional dependencies of the root (not those of its dependencies): exclude the ones this
    // workflow does not need
    List<OptionalRuntimeLibrary> needed = OptionalRuntimeLibrary.neededBy(workflow);
    List<Exclusion> leftOut = Arrays.stream(OptionalRuntimeLibrary.values()).filter(l -> !needed.contains(l))
        .map(l -> new Exclusion(l.groupId(), l.artifactId(), "*", "*")).toList();
    CollectRequest collect = new CollectRequest(new Dependency(runtime, JavaScopes.RUNTIME, false, leftOut), repositories);
    DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
    List<ArtifactResult> results;
    try {
      results = system.resolveDependencies(session, request).getArtifactResults();
    } catch (DependencyResolutionException e) {
      throw new MojoExecutionException("Could not resolve the runtime " + runtime + " that the image runs: "
          + e.getMessage() + "; perhaps you should build it first (./mvnw install -pl helidon-runtime -am in the"
          + " configurable-agents checkout), or use a released plugin version", e);
    }
    Path runtimeJar = null;
    List<Path> libraries = new ArrayList<>();
    for (ArtifactResult result : results) {
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
    for (OptionalRuntimeLibrary library : needed) {
      Artifact added = results.stream().map(ArtifactResult::getArtifact)
          .filter(a -> a.getGroupId().equals(library.groupId()) && a.getArtifactId().equals(library.artifactId()))
          .findFirst()
          .orElseThrow(() -> new MojoExecutionException("The runtime " + runtime + " brought no " + library + ", which this"
              + " workflow needs (" + library.reason(workflow).orElseThrow() + "); this plugin and that runtime do not match"));
      log.info("The image gets " + added + ", " + library.reason(workflow).orElseThrow());
    }
    return new RuntimeJars(runtimeJar, libraries);
  }
}
