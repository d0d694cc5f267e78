package io.configurableagents.deploy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code docker} command line, behind a {@code Function<List<String>, ProcessBuilder>} seam so
 * that tests run without Docker (the shape of Jib's {@code CliDockerClient}). Every call has a
 * time limit; a missing executable and a time-out become {@link DeployException}s with advice.
 */
public final class DockerCli {
  private final String executable;
  private final Map<String, String> environment;
  private final Function<List<String>, ProcessBuilder> processBuilders;
  private final HelpfulSuggestions suggestions;

  DockerCli(
      String executable,
      Map<String, String> environment,
      Function<List<String>, ProcessBuilder> processBuilders,
      HelpfulSuggestions suggestions) {
    this.executable = executable;
    this.environment = Map.copyOf(environment);
    this.processBuilders = processBuilders;
    this.suggestions = suggestions;
  }

  /**
   * The real command line.
   *
   * @param executable {@code docker}, or a path to it
   * @param environment variables set for every call, over this process's own (e.g. DOCKER_HOST)
   */
  public static DockerCli create(String executable, Map<String, String> environment, HelpfulSuggestions suggestions) {
    Map<String, String> env = Map.copyOf(environment);
    return new DockerCli(
        executable,
        env,
        command -> {
          ProcessBuilder builder = new ProcessBuilder(command);
          builder.environment().putAll(env);
          return builder;
        },
        suggestions);
  }

  public String executable() {
    return executable;
  }

  /** The variables set for every call, over this process's own. */
  public Map<String, String> environment() {
    return environment;
  }

  /** A variable as the docker command sees it: ours first, else this process's. */
  public Optional<String> variable(String name) {
    return Optional.ofNullable(environment.getOrDefault(name, System.getenv(name))).filter(v -> !v.isBlank());
  }

  /**
   * Where a port the daemon publishes is reached from here: this machine, or the host of a
   * {@code tcp://} DOCKER_HOST.
   */
  public URI publishedPortUri(int port) {
    String host = variable("DOCKER_HOST").filter(h -> h.startsWith("tcp://")).map(h -> URI.create(h).getHost())
        .orElse("127.0.0.1");
    return URI.create("http://" + host + ":" + port);
  }

  /** Runs {@code docker args...}; a non-zero exit is returned, not thrown. */
  public ProcessResult run(Duration timeout, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(executable);
    command.addAll(args);
    try {
      return ProcessRunner.run(processBuilders.apply(command), command, timeout);
    } catch (IOException e) {
      String reason = String.valueOf(e.getMessage());
      if (reason.contains("error=2,") || reason.contains("error: 2 ") || reason.contains("No such file")) {
        throw suggestions.dockerNotInstalled(executable);
      }
      throw suggestions.dockerFailed(ProcessResult.display(command), reason);
    } catch (ProcessRunner.TimedOut e) {
      throw suggestions.dockerTimedOut(ProcessResult.display(command), timeout);
    }
  }

  public ProcessResult run(Duration timeout, String... args) {
    return run(timeout, List.of(args));
  }

  /**
   * Starts {@code docker args...} and returns at once, for a command whose output is read while
   * it runs ({@code docker logs --follow}); its standard input is closed.
   */
  public Process start(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(executable);
    command.addAll(args);
    try {
      Process process = processBuilders.apply(command).start();
      process.getOutputStream().close();
      return process;
    } catch (IOException e) {
      String reason = String.valueOf(e.getMessage());
      if (reason.contains("error=2,") || reason.contains("error: 2 ") || reason.contains("No such file")) {
        throw suggestions.dockerNotInstalled(executable);
      }
      throw suggestions.dockerFailed(ProcessResult.display(command), reason);
    }
  }

  /** Runs {@code docker args...} and fails with its reason when it exits non-zero. */
  public ProcessResult require(Duration timeout, List<String> args) {
    ProcessResult result = run(timeout, args);
    if (!result.succeeded()) {
      throw suggestions.dockerFailed(result.display(), result.reason());
    }
    return result;
  }

  public ProcessResult require(Duration timeout, String... args) {
    return require(timeout, List.of(args));
  }
}
