package io.configurableagents.maven;

import io.configurableagents.deploy.ArtifactGenerator;
import io.configurableagents.deploy.DeployLog;
import io.configurableagents.deploy.DeployRequest;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn workflow:generate}: validates the workflow, then writes the deployment files
 * (workflow, OpenAPI document, Dockerfile with its jars, compose file, {@code .env.example},
 * {@code .dockerignore}, README). Needs no Docker.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class GenerateMojo extends AbstractDeployMojo {

  /** Skip this goal. */
  @Parameter(property = PropertyNames.GENERATE_SKIP, defaultValue = "false")
  private boolean skipGenerate;

  @Override
  protected void run(DeployRequest request, DeployLog log) {
    new ArtifactGenerator(suggestions, log).generate(request.validate(suggestions));
  }

  @Override
  protected Optional<String> goalSkippedBy() {
    return skipGenerate ? Optional.of(PropertyNames.GENERATE_SKIP) : Optional.empty();
  }

  @Override
  protected String goalName() {
    return "generate";
  }
}
