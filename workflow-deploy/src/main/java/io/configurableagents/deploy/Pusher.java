package io.configurableagents.deploy;

/**
 * {@code push}: build the same image as {@code deploy} and send it straight to the registry its
 * name gives (no Docker daemon needed), with the extra tags; record its digest in the output
 * directory and write the deployment files, whose Kubernetes manifests and replicas compose file
 * then name the image by that digest; print the digest.
 */
public final class Pusher {
  private final DockerCli docker;
  private final HelpfulSuggestions suggestions;
  private final DeployLog log;

  public Pusher(DockerCli docker, HelpfulSuggestions suggestions, DeployLog log) {
    this.docker = docker;
    this.suggestions = suggestions;
    this.log = log;
  }

  public PushedImage push(DeployRequest request) {
    request.validate(suggestions);
    if (!request.imageNamed()) {
      throw suggestions.pushNeedsImage(request.image());
    }
    PushedImage pushed = new ImageBuilder(docker, log, suggestions).push(request);
    pushed.write(request);
    new ArtifactGenerator(suggestions, log).generate(request);
    log.info("Pushed " + request.image() + (request.tags().isEmpty() ? "" : " (also tagged " + String.join(", ", request.tags()) + ")"));
    log.info("Digest " + pushed.digest());
    log.info("  pull it as " + pushed.byDigest());
    log.info("  recorded in " + request.outputDirectory().resolve(PushedImage.FILE) + "; the manifests in "
        + request.outputDirectory().resolve("k8s") + " and " + request.outputDirectory().resolve(ReplicasCompose.DIRECTORY)
        + " name the image by it");
    return pushed;
  }
}
