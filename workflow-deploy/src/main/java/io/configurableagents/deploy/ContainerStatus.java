package io.configurableagents.deploy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One deployed container as the status goal and the console show it: what it is (name, flow,
 * image), how Docker sees it (state, uptime, restarts) and how its runtime answers (health and
 * readiness), with the addresses its API and traces page are reached at from this machine.
 *
 * @param name the container's name
 * @param id the full container id
 * @param workflowName the flow's name, from its label
 * @param workflowVersion the flow's version, from its label
 * @param image the image it was started from
 * @param state Docker's state: {@code running}, {@code exited}, {@code restarting}, {@code created}, ...
 * @param exitCode the last exit code (meaningful once it stopped)
 * @param restartCount how often Docker restarted it after it exited on its own
 * @param startedAt when it last started, if ever
 * @param uptime how long it has been running, while it runs
 * @param health how its runtime answers
 * @param api the API's address from this machine, e.g. {@code http://127.0.0.1:8000}
 * @param traces the traces page's address, when it has one
 * @param network the Docker network it runs on ({@code default} is Docker's bridge)
 * @param dataVolume its data volume (jobs, traces, the AOT cache)
 */
public record ContainerStatus(
    String name,
    String id,
    Optional<String> workflowName,
    Optional<String> workflowVersion,
    String image,
    String state,
    int exitCode,
    int restartCount,
    Optional<Instant> startedAt,
    Optional<Duration> uptime,
    Health health,
    Optional<URI> api,
    Optional<URI> traces,
    String network,
    String dataVolume) {

  public ContainerStatus {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workflowName, "workflowName");
    Objects.requireNonNull(workflowVersion, "workflowVersion");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(uptime, "uptime");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(traces, "traces");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(dataVolume, "dataVolume");
  }

  /** What {@code docker inspect} said, with the health found and the time now. */
  static ContainerStatus of(DeployedContainer c, Health health, DockerCli docker, Instant now) {
    Optional<Duration> uptime = c.running()
        ? c.startedAt().map(started -> Duration.between(started, now)).filter(d -> !d.isNegative())
        : Optional.empty();
    Optional<URI> api = c.apiPort().isPresent() ? Optional.of(docker.publishedPortUri(c.apiPort().getAsInt()))
        : Optional.empty();
    Optional<URI> traces = c.tracesPort().isPresent()
        ? Optional.of(docker.publishedPortUri(c.tracesPort().getAsInt())) : Optional.empty();
    return new ContainerStatus(c.name(), c.id(), c.workflowName(), c.workflowVersion(), c.image(), c.state(),
        c.exitCode(), c.restartCount(), c.startedAt(), uptime, health, api, traces, c.network(), c.dataVolume());
  }

  /** Whether Docker has it running. */
  public boolean running() {
    return state.equals("running");
  }

  /** The host ports it holds: the API's, then the traces page's. */
  public List<Integer> hostPorts() {
    return Stream.of(api, traces).flatMap(Optional::stream).map(URI::getPort).toList();
  }

  /** The first 12 characters of the id, as {@code docker ps} shows it. */
  public String shortId() {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }

  /**
   * {@code running}, or once it stopped {@code exited (exit code 1)}, naming the signal for the
   * codes a signal gives ({@code exit code 143: SIGTERM} after a stop).
   */
  public String describeState() {
    if (!state.equals("exited") && !state.equals("dead")) {
      return state;
    }
    String signal = exitCode == 130 ? ": SIGINT" : exitCode == 137 ? ": SIGKILL" : exitCode == 143 ? ": SIGTERM" : "";
    return state + " (exit code " + exitCode + signal + ")";
  }
}
