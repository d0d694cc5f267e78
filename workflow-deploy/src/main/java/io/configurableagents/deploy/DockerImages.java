package io.configurableagents.deploy;

import java.time.Duration;
import java.util.Optional;

/** Images in the Docker daemon: what a tag points to, and removing one nobody uses. */
final class DockerImages {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private final DockerCli docker;

  DockerImages(DockerCli docker) {
    this.docker = docker;
  }

  /** The id the reference points to, if the daemon has it. */
  Optional<String> idOf(String reference) {
    ProcessResult result = docker.run(TIMEOUT, "image", "inspect", "--format", "{{.Id}}", reference);
    return result.succeeded() ? Optional.of(result.stdout().strip()).filter(s -> !s.isEmpty()) : Optional.empty();
  }

  /**
   * Removes the image unless a container (running or not) uses it; true when it was removed.
   * An image that still has another tag stays too.
   */
  boolean removeIfUnused(String imageId, DeployLog log) {
    ProcessResult users = docker.require(TIMEOUT, "ps", "-a", "-q", "--filter", "ancestor=" + imageId);
    if (!users.stdout().isBlank()) {
      log.debug("keeping the previous image " + imageId + ": containers still use it");
      return false;
    }
    ProcessResult removal = docker.run(TIMEOUT, "image", "rm", imageId);
    if (!removal.succeeded()) {
      log.debug("keeping the previous image " + imageId + ": " + removal.reason());
      return false;
    }
    return true;
  }
}
