package io.configurableagents.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The containers our deploys started on the Docker daemon, found by their label
 * {@value ContainerLabels#DEPLOYED_BY} (never by guessing from names). When Docker cannot be
 * asked, the cause is found out and reported with its fix, as before a deploy.
 */
final class DeployedContainers {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final DockerCli docker;
  private final HelpfulSuggestions suggestions;

  DeployedContainers(DockerCli docker, HelpfulSuggestions suggestions) {
    this.docker = docker;
    this.suggestions = suggestions;
  }

  /** Every one, running or not, by name. */
  List<DeployedContainer> list() {
    ProcessResult ids = docker.run(TIMEOUT, "ps", "--all", "--quiet", "--no-trunc", "--filter",
        "label=" + ContainerLabels.DEPLOYED_BY);
    if (!ids.succeeded()) {
      throw diagnose(ids);
    }
    List<String> args = new ArrayList<>(List.of("container", "inspect"));
    ids.stdout().lines().map(String::strip).filter(id -> !id.isEmpty()).forEach(args::add);
    if (args.size() == 2) {
      return List.of();
    }
    // a container removed since docker ps is left out (inspect names it on stderr, exit code 1)
    ProcessResult inspected = docker.run(TIMEOUT, args);
    if (inspected.stdout().isBlank()) {
      return List.of();
    }
    List<DeployedContainer> containers = new ArrayList<>(DeployedContainer.parseAll(inspected.stdout()));
    containers.removeIf(c -> !c.deployedByUs());
    containers.sort(Comparator.comparing(DeployedContainer::name));
    return containers;
  }

  /** The one called {@code name}; fails listing the deployed ones when there is none. */
  DeployedContainer require(String name) {
    List<DeployedContainer> deployed = list();
    Optional<DeployedContainer> found = deployed.stream().filter(c -> c.name().equals(name)).findFirst();
    if (found.isPresent()) {
      return found.get();
    }
    ProcessResult other = docker.run(TIMEOUT, "container", "inspect", "--format", "{{.Name}}", name);
    if (other.succeeded()) {
      throw suggestions.notDeployedByUs(name, deployed);
    }
    throw suggestions.noSuchContainer(name, deployed);
  }

  /** Why Docker could not be asked: the daemon's own cause with its fix, else Docker's message. */
  private DeployException diagnose(ProcessResult failed) {
    new DockerPreflight(docker, suggestions).serverVersion();
    return suggestions.dockerFailed(failed.display(), failed.reason());
  }
}
