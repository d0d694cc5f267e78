package io.configurableagents.maven;

import io.configurableagents.deploy.DeployLog;
import io.configurableagents.deploy.DeployRequest;
import io.configurableagents.deploy.Pusher;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn workflow:push}: builds the same image as {@code deploy} and pushes it with Jib
 * straight to the registry {@code image} names (no Docker daemon needed), with the extra
 * {@code tags}; credentials from the settings.xml server whose id is the registry, else from
 * Docker's configuration and credential helpers. Prints the digest, records it, and writes the
 * deployment files, whose Kubernetes manifests and replicas compose file name the image by it.
 */
@Mojo(name = "push", threadSafe = true)
public final class PushMojo extends AbstractDeployMojo {

  /** Skip this goal. */
  @Parameter(property = PropertyNames.PUSH_SKIP, defaultValue = "false")
  private boolean skipPush;

  /** More tags for the pushed image, besides the tag of {@code image} (e.g. {@code latest,1.0}). */
  @Parameter(property = PropertyNames.TAGS)
  private List<String> tags;

  @Override
  protected void run(DeployRequest request, DeployLog log) {
    new Pusher(docker(), suggestions, log).push(request);
  }

  @Override
  protected List<String> tags() {
    return tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
  }

  @Override
  protected Optional<String> goalSkippedBy() {
    return skipPush ? Optional.of(PropertyNames.PUSH_SKIP) : Optional.empty();
  }

  @Override
  protected String goalName() {
    return "push";
  }
}
