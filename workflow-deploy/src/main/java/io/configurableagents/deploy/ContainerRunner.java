package io.configurableagents.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the workflow's container: {@code docker run -d --pull never} with the name, the ports, the
 * env file, the data volume and the network; replaces an old container of that name when asked
 * (its data volume stays), and refuses otherwise with the two ways out.
 */
public final class ContainerRunner {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);
  /** As the Python tool's compose file had it. */
  static final String RESTART_POLICY = "unless-stopped";

  private final DockerCli docker;
  private final HelpfulSuggestions suggestions;
  private final DeployLog log;

  public ContainerRunner(DockerCli docker, HelpfulSuggestions suggestions, DeployLog log) {
    this.docker = docker;
    this.suggestions = suggestions;
    this.log = log;
  }

  /** The state of the container called {@code name} ("running", "exited", ...), if there is one. */
  public Optional<String> state(String name) {
    ProcessResult result = docker.run(TIMEOUT, "container", "inspect", "--format", "{{.State.Status}}", name);
    return result.succeeded() ? Optional.of(result.stdout().strip()) : Optional.empty();
  }

  /** The container called {@code name}, if there is one. */
  public Optional<DeployedContainer> inspect(String name) {
    ProcessResult result = docker.run(TIMEOUT, "container", "inspect", name);
    return result.succeeded() ? DeployedContainer.parseAll(result.stdout()).stream().findFirst() : Optional.empty();
  }

  /**
   * The host ports the container called {@code name} holds, freed when it is replaced: those it
   * publishes, or on the host network those its runtime listens on.
   */
  public Set<Integer> heldPorts(String name) {
    return inspect(name).map(DeployedContainer::hostPorts).orElse(Set.of());
  }

  /** Fails with the two ways out when the name is taken and {@code replace} is off. */
  public void requireNameFree(DeployRequest request) {
    Optional<String> state = state(request.containerName());
    if (state.isPresent() && !request.replace()) {
      throw suggestions.nameInUse(request.containerName(), state.get());
    }
  }

  /**
   * The arguments after {@code docker}. Docker restarts the container when it exits on its own
   * (the runtime exits on a failure it cannot recover from), but not after {@code docker stop}.
   */
  public static List<String> runArguments(DeployRequest request, Optional<Path> envFile) {
    List<String> args = new ArrayList<>(List.of("run", "-d", "--pull", "never", "--name", request.containerName(),
        "--restart", RESTART_POLICY));
    if (request.hostNetwork()) {
      // no port mapping on the host network: the runtime listens on the host ports themselves
      args.addAll(List.of("-e", "PORT=" + request.port(), "-e", "TRACES_PORT=" + request.tracesPort()));
    } else {
      args.addAll(List.of("-p", request.port() + ":" + ImageLayout.API_PORT));
      if (request.tracesEnabled()) {
        args.addAll(List.of("-p", request.tracesPort() + ":" + ImageLayout.TRACES_PORT));
      } else {
        args.addAll(List.of("-e", "TRACES_PORT=0"));
      }
    }
    envFile.ifPresent(f -> args.addAll(List.of("--env-file", f.toString())));
    args.addAll(List.of("-v", request.dataVolume() + ":" + ImageLayout.DATA));
    request.network().ifPresent(n -> args.addAll(List.of("--network", n)));
    ContainerLabels.of(request).forEach((key, value) -> args.addAll(List.of("--label", key + "=" + value)));
    args.add(request.image());
    return args;
  }

  /** Starts the container (after removing the old one when replacing); returns its id. */
  public String start(DeployRequest request, Optional<Path> envFile) {
    String name = request.containerName();
    if (request.replace() && state(name).isPresent()) {
      log.info("Replacing container " + name + " (its data volume " + request.dataVolume() + " stays)");
      docker.require(STOP_TIMEOUT, "stop", "--time", "60", name);
      docker.require(TIMEOUT, "rm", name);
    }
    ProcessResult result = docker.run(TIMEOUT, runArguments(request, envFile));
    if (!result.succeeded()) {
      if (result.stderr().contains("Conflict") || result.stderr().contains("already in use")) {
        throw suggestions.nameInUse(name, state(name).orElse("just created by someone else"));
      }
      throw suggestions.dockerFailed("docker run", result.reason());
    }
    return result.stdout().strip();
  }

  /** The last {@code lines} lines the container printed (stdout and stderr). */
  public String lastLogLines(String name, int lines) {
    ProcessResult result = docker.run(TIMEOUT, "logs", "--tail", String.valueOf(lines), name);
    String text = (result.stdout() + result.stderr()).strip();
    return text.isEmpty() ? "(the container printed nothing)" : text.indent(4).stripTrailing();
  }

  /** How often Docker restarted the container so far (0 when there is none). */
  public int restartCount(String name) {
    ProcessResult result = docker.run(TIMEOUT, "container", "inspect", "--format", "{{.RestartCount}}", name);
    String count = result.stdout().strip();
    return result.succeeded() && count.matches("\\d+") ? Integer.parseInt(count) : 0;
  }

  /**
   * "exited with exit code 2" and the like, or empty while it runs. A container that Docker
   * restarted under its restart policy more often than {@code restartsBefore} has stopped too,
   * even if it runs again for now.
   */
  public Optional<String> stoppedState(String name, int restartsBefore) {
    ProcessResult result = docker.run(TIMEOUT, "container", "inspect", "--format",
        "{{.State.Status}} {{.State.ExitCode}} {{.RestartCount}}", name);
    if (!result.succeeded()) {
      return Optional.of("removed");
    }
    String[] parts = result.stdout().strip().split(" ");
    String status = parts[0];
    String exitCode = parts.length > 1 ? parts[1] : "?";
    int restarts = parts.length > 2 && parts[2].matches("\\d+") ? Integer.parseInt(parts[2]) - restartsBefore : 0;
    if (restarts > 0 || status.equals("restarting")) {
      return Optional.of("exited with exit code " + exitCode + ", and Docker restarted it "
          + (restarts <= 1 ? "once" : restarts + " times"));
    }
    if (status.equals("running") || status.equals("created")) {
      return Optional.empty();
    }
    return Optional.of(status + " with exit code " + exitCode);
  }

  /** Stops the container, so that its restart policy does not start it again and again; quiet when it cannot. */
  public void stopQuietly(String name) {
    docker.run(STOP_TIMEOUT, "stop", "--time", "10", name);
  }
}
