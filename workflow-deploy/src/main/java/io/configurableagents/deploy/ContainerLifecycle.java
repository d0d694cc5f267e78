package io.configurableagents.deploy;

import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.yaml.WorkflowLoader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * What can be done to deployed containers after {@code deploy}: see them ({@link #status()}),
 * read their logs, stop, start and undeploy them. Every operation names the container; one that
 * our deploys did not start (it lacks {@link ContainerLabels#DEPLOYED_BY}) is never touched, and
 * a name that matches none fails listing those that are deployed.
 *
 * <p>Front ends call it directly: the Maven goals, and the console (which shows
 * {@link #status()} as its table and streams {@link #logs} to the page).
 */
public final class ContainerLifecycle {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** As when {@code deploy} replaces a container: runs in flight get a minute to finish. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(60);

  private final DockerCli docker;
  private final HelpfulSuggestions suggestions;
  private final DeployLog log;
  private final DeployedContainers containers;
  private final ContainerRunner runner;
  private final RuntimeProbe probe = new RuntimeProbe();
  private final Clock clock;

  public ContainerLifecycle(DockerCli docker, HelpfulSuggestions suggestions, DeployLog log) {
    this(docker, suggestions, log, Clock.systemUTC());
  }

  ContainerLifecycle(DockerCli docker, HelpfulSuggestions suggestions, DeployLog log, Clock clock) {
    this.docker = docker;
    this.suggestions = suggestions;
    this.log = log;
    this.containers = new DeployedContainers(docker, suggestions);
    this.runner = new ContainerRunner(docker, suggestions, log);
    this.clock = clock;
  }

  /** What an undeploy removed. */
  public record Undeployed(String container, String image, Optional<String> dataVolume) {}

  /**
   * The container a front end means: {@code given}, else the name {@code deploy} gives the
   * workflow in {@code workflowFile} (its flow name, sanitised). Fails listing the deployed
   * containers when there is neither.
   */
  public String containerName(Optional<String> given, Path workflowFile) {
    if (given.isPresent()) {
      return given.get();
    }
    if (!Files.isRegularFile(workflowFile)) {
      throw suggestions.noContainerNamed("no name was given, and there is no workflow file at " + workflowFile
          + " to take its flow name from", containers.list());
    }
    Optional<Workflow> workflow = WorkflowLoader.fromPath(workflowFile).validate().workflow();
    if (workflow.isEmpty()) {
      throw suggestions.noContainerNamed("no name was given, and " + workflowFile
          + " has errors, so its flow name is unknown (see the validate goal)", containers.list());
    }
    return ContainerNames.sanitize(workflow.get().name());
  }

  /** Every container our deploys started on this daemon, by name, with its health. */
  public List<ContainerStatus> status() {
    List<ContainerStatus> statuses = new ArrayList<>();
    for (DeployedContainer c : containers.list()) {
      statuses.add(status(c));
    }
    return statuses;
  }

  /** The container called {@code name}, with its health. */
  public ContainerStatus status(String name) {
    return status(containers.require(name));
  }

  private ContainerStatus status(DeployedContainer c) {
    return ContainerStatus.of(c, health(c), docker, clock.instant());
  }

  private Health health(DeployedContainer c) {
    if (!c.running()) {
      return Health.notRunning();
    }
    if (c.apiPort().isEmpty()) {
      return Health.unknown("its API port is not published on this machine");
    }
    URI api = docker.publishedPortUri(c.apiPort().getAsInt());
    if (!probe.healthy(api)) {
      return Health.notAnswering();
    }
    return probe.notReadyReason(api).map(Health::notReady).orElse(Health.ready());
  }

  /**
   * Hands the container's log to {@code lines}, line by line: the last {@code tail} lines (all
   * when empty), then, when {@code follow}, every new line until the container stops or the
   * follower is cancelled.
   */
  public LogFollower logs(String name, OptionalInt tail, boolean follow, Consumer<String> lines) {
    if (tail.isPresent() && tail.getAsInt() < 0) {
      throw suggestions.invalidSetting(Setting.TAIL, String.valueOf(tail.getAsInt()),
          "the number of lines is 0 or more", "100");
    }
    DeployedContainer c = containers.require(name);
    List<String> args = new ArrayList<>(List.of("logs"));
    tail.ifPresent(n -> args.addAll(List.of("--tail", String.valueOf(n))));
    if (follow) {
      args.add("--follow");
    }
    args.add(c.name());
    return LogFollower.start(docker, args, lines);
  }

  /** Stops the container (runs in flight get a minute); its data volume and its settings stay. */
  public ContainerStatus stop(String name) {
    DeployedContainer c = containers.require(name);
    if (!c.running() && !c.state().equals("restarting")) {
      log.info("Container " + c.name() + " is not running (" + c.state() + "); nothing to stop");
      return status(c);
    }
    log.info("Stopping container " + c.name() + " (runs in flight get up to " + STOP_GRACE.toSeconds() + " s)");
    docker.require(STOP_GRACE.plus(TIMEOUT), "stop", "--time", String.valueOf(STOP_GRACE.toSeconds()), c.name());
    ContainerStatus stopped = status(containers.require(name));
    log.info("Stopped container " + c.name() + " (" + stopped.describeState() + "); its data volume "
        + c.dataVolume() + " stays");
    return stopped;
  }

  /**
   * Starts a stopped container and waits until {@code GET /health} answers, at most
   * {@code readyTimeout}, as {@code deploy} does; warns when the runtime is not ready.
   */
  public ContainerStatus start(String name, Duration readyTimeout) {
    if (readyTimeout.isNegative() || readyTimeout.isZero()) {
      throw suggestions.invalidSetting(Setting.READY_TIMEOUT, readyTimeout.toSeconds() + "", "must be positive", "60");
    }
    DeployedContainer c = containers.require(name);
    if (c.running() || c.state().equals("restarting")) {
      log.info("Container " + c.name() + " is already " + c.state());
    } else {
      requirePortsFree(c);
      docker.require(TIMEOUT, "start", c.name());
      log.info("Started container " + c.name() + "; waiting for GET /health (at most " + readyTimeout.toSeconds()
          + " s)");
    }
    if (c.apiPort().isEmpty()) {
      log.warn("Container " + c.name() + " publishes no API port on this machine: its health is not checked");
      return status(containers.require(name));
    }
    URI api = docker.publishedPortUri(c.apiPort().getAsInt());
    Duration took = new HealthWait(runner, suggestions, probe).await(c.name(), api, readyTimeout);
    ContainerStatus started = status(containers.require(name));
    log.info("Container " + c.name() + " is healthy after " + Banner.seconds(took) + ": API " + api);
    started.health().reason().filter(r -> started.health().state() == Health.State.NOT_READY)
        .ifPresent(reason -> log.warn("not ready: " + reason));
    return started;
  }

  /** The ports a stopped container will take again must be free, or Docker's own message would be cryptic. */
  private void requirePortsFree(DeployedContainer c) {
    if (c.apiPort().isPresent() && !HostPorts.isFree(c.apiPort().getAsInt())) {
      throw suggestions.portTakenSinceStop(c.name(), c.apiPort().getAsInt());
    }
    if (c.tracesPort().isPresent() && !HostPorts.isFree(c.tracesPort().getAsInt())) {
      throw suggestions.portTakenSinceStop(c.name(), c.tracesPort().getAsInt());
    }
  }

  /**
   * Stops (runs in flight get a minute) and removes the container; with {@code removeData}, its
   * data volume too (jobs, traces, the AOT cache). The image stays.
   */
  public Undeployed undeploy(String name, boolean removeData) {
    DeployedContainer c = containers.require(name);
    if (c.running() || c.state().equals("restarting")) {
      log.info("Stopping container " + c.name() + " (runs in flight get up to " + STOP_GRACE.toSeconds() + " s)");
      docker.require(STOP_GRACE.plus(TIMEOUT), "stop", "--time", String.valueOf(STOP_GRACE.toSeconds()), c.name());
    }
    docker.require(TIMEOUT, "rm", "--force", c.name());
    log.info("Removed container " + c.name() + " (" + c.shortId() + "); the image " + c.image() + " stays");
    String volume = c.dataVolume();
    if (!removeData) {
      log.info("Its data volume " + volume + " stays (jobs, traces): a deploy of the same name uses it again; "
          + suggestions.removeDataHint());
      return new Undeployed(c.name(), c.image(), Optional.empty());
    }
    ProcessResult removal = docker.run(TIMEOUT, "volume", "rm", volume);
    if (removal.succeeded()) {
      log.info("Removed its data volume " + volume + " (jobs, traces and the AOT cache)");
      return new Undeployed(c.name(), c.image(), Optional.of(volume));
    }
    if (removal.stderr().contains("no such volume") || removal.stderr().contains("No such volume")) {
      log.info("It had no data volume " + volume + " to remove");
      return new Undeployed(c.name(), c.image(), Optional.empty());
    }
    throw suggestions.volumeNotRemoved(volume, removal.reason());
  }
}
