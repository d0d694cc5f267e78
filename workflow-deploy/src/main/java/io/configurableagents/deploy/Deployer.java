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
  public Deployment deploy(DeployRequest given, Runnable containerStarted) {
    given.validate(suggestions);
    DockerPreflight preflight = new DockerPreflight(docker, suggestions);
    log.info("Docker " + preflight.serverVersion() + " is available");
    DeployRequest request = withPlatform(given, preflight);
    runner.requireNameFree(request);
    requirePortsFree(request);
    if (request.hostNetwork() && (request.tracesEnabled() || !request.bind().everyInterface())) {
      log.warn(suggestions.hostNetworkPublishesEverywhere(request.tracesEnabled()));
    }
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
    URI api = docker.publishedPortUri(addressOf(request, request.bind()), request.port());
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

  /** The request with the platform the image is for chosen (the user's, the base's only one, or the daemon's), said once. */
  private DeployRequest withPlatform(DeployRequest request, DockerPreflight preflight) {
    Optional<ImagePlatform> daemon = preflight.serverPlatform();
    ImagePlatform platform = ImagePlatform.choose(request, () -> daemon, suggestions);
    String why = request.platform().isPresent() ? "" : request.baseImage().onlyPlatform().isPresent()
        ? " (the jlink base's, this machine's)" : " (the Docker daemon's)";
    log.info("Building for " + platform + why);
    daemon.filter(d -> !d.equals(platform)).ifPresent(d -> log.warn(suggestions.platformNotTheDaemons(platform, d)));
    return request.toBuilder().platform(Optional.of(platform)).build();
  }

  /**
   * Both host ports must be free on their addresses, except those the container being replaced
   * holds now (published, or on the host network listened on by its runtime).
   */
  private void requirePortsFree(DeployRequest request) {
    Set<Integer> freedByReplace = request.replace() ? runner.heldPorts(request.containerName()) : Set.of();
    if (!freedByReplace.contains(request.port())) {
      requireFree(request.port(), addressOf(request, request.bind()), Setting.PORT, Setting.BIND, "");
    }
    if (request.tracesEnabled() && !freedByReplace.contains(request.tracesPort())) {
      requireFree(request.tracesPort(), addressOf(request, request.tracesBind()), Setting.TRACES_PORT,
          Setting.TRACES_BIND, suggestions.tracesOffHint());
    }
  }

  private void requireFree(int port, BindAddress address, Setting portSetting, Setting bindSetting, String otherWay) {
    switch (HostPorts.check(address, port)) {
      case FREE -> { }
      case IN_USE -> throw suggestions.portInUse(port, portSetting, otherWay);
      case NOT_AN_ADDRESS_OF_THIS_MACHINE -> throw suggestions.invalidSetting(bindSetting, address.text(),
          "no interface of this machine has that address, so Docker cannot publish a port on it", "127.0.0.1");
    }
  }

  /** On the host network nothing is published: the runtime listens on every interface. */
  private static BindAddress addressOf(DeployRequest request, BindAddress bind) {
    return request.hostNetwork() ? BindAddress.EVERY_INTERFACE : bind;
  }

}
