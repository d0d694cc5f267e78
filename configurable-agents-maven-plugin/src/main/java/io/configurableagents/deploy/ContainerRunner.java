package io.configurableagents.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the workflow's container: {@code docker run -d --pull never} with the name, the ports, the
 * env file, the data volume and the network; replaces an old container of that name when asked
 * (its data volume stays), and refuses otherwise with the two ways out.
 */
public final class ContainerRunner {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);
  private static final Pattern HOST_PORT = Pattern.compile("\"HostPort\":\"(\\d+)\"");

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

  /** The host ports an existing container publishes (they are freed when it is replaced). */
  public Set<Integer> publishedPorts(String name) {
    ProcessResult result =
        docker.run(TIMEOUT, "container", "inspect", "--format", "{{json .HostConfig.PortBindings}}", name);
    Set<Integer> ports = new TreeSet<>();
    Matcher m = HOST_PORT.matcher(result.succeeded() ? result.stdout() : "");
    while (m.find()) {
      ports.add(Integer.parseInt(m.group(1)));
    }
    return ports;
  }

  /** Fails with the two ways out when the name is taken and {@code replace} is off. */
  public void requireNameFree(DeployRequest request) {
    Optional<String> state = state(request.containerName());
    if (state.isPresent() && !request.replace()) {
      throw suggestions.nameInUse(request.containerName(), state.get());
    }
  }

  /** The arguments after {@code docker}. */
  public static List<String> runArguments(DeployRequest request, Optional<Path> envFile) {
    List<String> args = new ArrayList<>(List.of("run", "-d", "--pull", "never", "--name", request.containerName()));
    boolean hostNetwork = request.network().filter("host"::equals).isPresent();
    if (hostNetwork) {
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

  /** "exited (exit code 2)" and the like, or empty while it runs. */
  public Optional<String> stoppedState(String name) {
    ProcessResult result = docker.run(TIMEOUT, "container", "inspect", "--format",
        "{{.State.Status}} {{.State.ExitCode}}", name);
    if (!result.succeeded()) {
      return Optional.of("removed");
    }
    String[] parts = result.stdout().strip().split(" ");
    String status = parts[0];
    if (status.equals("running") || status.equals("created") || status.equals("restarting")) {
      return Optional.empty();
    }
    return Optional.of(status + (parts.length > 1 ? " with exit code " + parts[1] : ""));
  }
}
