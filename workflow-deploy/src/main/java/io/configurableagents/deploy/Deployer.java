package io.configurableagents.deploy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * {@code deploy} from start to finish: check everything that can be checked before building
 * (settings, Docker, the name, the ports, the env file), generate the files, build and load the
 * image, (re)start the container, wait until it is healthy, print how to use it.
 */
public final class Deployer {
  private final DockerCli docker;
  private final HelpfulSuggestions suggestions;
  private final DeployLog log;
  private final ContainerRunner runner;

  public Deployer(DockerCli docker, HelpfulSuggestions suggestions, DeployLog log) {
    this.docker = docker;
    this.suggestions = suggestions;
    this.log = log;
    this.runner = new ContainerRunner(docker, suggestions, log);
  }

  /** What a deploy did. */
  public record Deployment(String containerId, ImageBuilder.BuiltImage image, Duration timeToHealthy) {}

  public Deployment deploy(DeployRequest request) {
    return deploy(request, () -> {});
  }

  /**
   * The same; {@code containerStarted} runs as soon as {@code docker run} has started the container
   * (before the wait for health): the console removes its env file there.
   */
  public Deployment deploy(DeployRequest request, Runnable containerStarted) {
    request.validate(suggestions);
    log.info("Docker " + new DockerPreflight(docker, suggestions).serverVersion() + " is available");
    runner.requireNameFree(request);
    requirePortsFree(request);
    Optional<Path> envFile = new EnvFileCheck(suggestions, log)
        .check(request.envFile(), request.workflow(),
            request.outputDirectory().resolve(".env.example"));
    new ArtifactGenerator(suggestions, log).generate(request);

    ImageBuilder images = new ImageBuilder(docker, log, suggestions);
    ImageBuilder.BuiltImage image = images.build(request);
    log.info("Built image " + image.reference() + " (" + image.imageId() + ")");

    String id = runner.start(request, envFile);
    containerStarted.run();
    log.info("Started container " + request.containerName() + "; waiting for GET /health (at most "
        + request.readyTimeout().toSeconds() + " s)");
    RuntimeProbe probe = new RuntimeProbe();
    URI api = docker.publishedPortUri(request.port());
    Duration took = new HealthWait(runner, suggestions, probe).await(request.containerName(), api,
        request.readyTimeout());
    image.previousImageId().ifPresent(old -> {
      if (new DockerImages(docker).removeIfUnused(old, log)) {
        log.info("Removed the image " + request.image() + " pointed to before (" + old + ")");
      }
    });
    Optional<String> notReady = probe.notReadyReason(api);
    Banner.lines(request, id, took, notReady, suggestions).forEach(line -> {
      if (line.startsWith("WARNING ")) {
        log.warn(line.substring("WARNING ".length()));
      } else {
        log.info(line);
      }
    });
    return new Deployment(id, image, took);
  }

  /**
   * Both host ports must be free, except those the container being replaced holds now (published,
   * or on the host network listened on by its runtime).
   */
  private void requirePortsFree(DeployRequest request) {
    Set<Integer> freedByReplace = request.replace() ? runner.heldPorts(request.containerName()) : Set.of();
    if (!freedByReplace.contains(request.port()) && !HostPorts.isFree(request.port())) {
      throw suggestions.portInUse(request.port(), Setting.PORT, "");
    }
    if (request.tracesEnabled() && !freedByReplace.contains(request.tracesPort())
        && !HostPorts.isFree(request.tracesPort())) {
      throw suggestions.portInUse(request.tracesPort(), Setting.TRACES_PORT, suggestions.tracesOffHint());
    }
  }
}
