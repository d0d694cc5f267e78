package io.configurableagents.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * One container as {@code docker inspect} describes it, with what our labels say about it. Its
 * environment is read only for the ports the runtime listens on: no other value (secrets come in
 * through the env file) is kept.
 *
 * @param id the full container id
 * @param name the name, without Docker's leading {@code /}
 * @param image the image as the container was started with it ({@code repository:tag})
 * @param state Docker's state: {@code created}, {@code running}, {@code restarting},
 *     {@code exited}, {@code paused}, {@code dead}
 * @param exitCode the last exit code (0 while it never stopped)
 * @param startedAt when it last started, if ever
 * @param finishedAt when it last stopped, if ever
 * @param restartCount how often Docker restarted it under its restart policy
 * @param labels the container's labels (its own and its image's)
 * @param network the Docker network it runs on ({@code default} for Docker's bridge, {@code host}, ...)
 * @param apiPort the host port of the API, if reachable from this machine
 * @param tracesPort the host port of the traces page, if it has one
 * @param volumes the named volumes it mounts
 */
public record DeployedContainer(
    String id,
    String name,
    String image,
    String state,
    int exitCode,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt,
    int restartCount,
    Map<String, String> labels,
    String network,
    OptionalInt apiPort,
    OptionalInt tracesPort,
    List<String> volumes) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API_INSIDE = ImageLayout.API_PORT + "/tcp";
  private static final String TRACES_INSIDE = ImageLayout.TRACES_PORT + "/tcp";

  public DeployedContainer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    labels = Map.copyOf(labels);
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(apiPort, "apiPort");
    Objects.requireNonNull(tracesPort, "tracesPort");
    volumes = List.copyOf(volumes);
  }

  /** Whether the process runs ({@code running}); a paused or restarting one does not answer. */
  public boolean running() {
    return state.equals("running");
  }

  /** The first 12 characters of the id, as {@code docker ps} shows it. */
  public String shortId() {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }

  /** Whether one of our deploys started it (it carries {@link ContainerLabels#DEPLOYED_BY}). */
  public boolean deployedByUs() {
    return labels.containsKey(ContainerLabels.DEPLOYED_BY);
  }

  public Optional<String> workflowName() {
    return Optional.ofNullable(labels.get(ContainerLabels.WORKFLOW_NAME));
  }

  public Optional<String> workflowVersion() {
    return Optional.ofNullable(labels.get(ContainerLabels.WORKFLOW_VERSION));
  }

  /** The data volume: as its label says, else the one mounted on {@code /app/data} by our naming rule. */
  public String dataVolume() {
    return Optional.ofNullable(labels.get(ContainerLabels.DATA_VOLUME))
        .orElse(ContainerLabels.dataVolumeOf(name));
  }

  /** The host ports it holds (published, or listened on directly on the host network). */
  public Set<Integer> hostPorts() {
    Set<Integer> ports = new TreeSet<>();
    apiPort.ifPresent(ports::add);
    tracesPort.ifPresent(ports::add);
    return ports;
  }

  /** The containers in the JSON array {@code docker inspect} prints. */
  public static List<DeployedContainer> parseAll(String inspectJson) {
    JsonNode array;
    try {
      array = JSON.readTree(inspectJson);
    } catch (JsonProcessingException e) {
      throw DeployException.environment("docker inspect printed something that is not JSON: "
          + e.getOriginalMessage(), e);
    }
    List<DeployedContainer> containers = new ArrayList<>();
    for (JsonNode node : array) {
      containers.add(parse(node));
    }
    return containers;
  }

  private static DeployedContainer parse(JsonNode c) {
    JsonNode state = c.path("State");
    JsonNode config = c.path("Config");
    JsonNode host = c.path("HostConfig");
    Map<String, String> labels = new LinkedHashMap<>();
    config.path("Labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    String network = host.path("NetworkMode").asText("default");
    OptionalInt api;
    OptionalInt traces;
    if (network.equals("host")) {
      // nothing is published: the runtime listens on the host ports its environment names
      api = environmentPort(config, "PORT", ImageLayout.API_PORT);
      traces = environmentPort(config, "TRACES_PORT", ImageLayout.TRACES_PORT);
    } else {
      api = publishedPort(host.path("PortBindings"), API_INSIDE);
      traces = publishedPort(host.path("PortBindings"), TRACES_INSIDE);
    }
    List<String> volumes = new ArrayList<>();
    for (JsonNode mount : c.path("Mounts")) {
      if (mount.path("Type").asText().equals("volume")) {
        volumes.add(mount.path("Name").asText());
      }
    }
    return new DeployedContainer(c.path("Id").asText(), c.path("Name").asText().replaceFirst("^/", ""),
        config.path("Image").asText(), state.path("Status").asText("unknown"), state.path("ExitCode").asInt(),
        time(state.path("StartedAt")), time(state.path("FinishedAt")), c.path("RestartCount").asInt(), labels,
        network, api, traces, volumes);
  }

  private static OptionalInt publishedPort(JsonNode bindings, String inside) {
    for (JsonNode binding : bindings.path(inside)) {
      String port = binding.path("HostPort").asText("");
      if (port.matches("\\d+")) {
        return OptionalInt.of(Integer.parseInt(port));
      }
    }
    return OptionalInt.empty();
  }

  /** The port a variable of the container's environment names (the default when unset); 0 is none. */
  private static OptionalInt environmentPort(JsonNode config, String variable, int defaultPort) {
    int port = defaultPort;
    for (JsonNode entry : config.path("Env")) {
      String text = entry.asText();
      if (text.startsWith(variable + "=")) {
        String value = text.substring(variable.length() + 1).strip();
        port = value.matches("\\d{1,5}") ? Integer.parseInt(value) : defaultPort;
      }
    }
    return port > 0 ? OptionalInt.of(port) : OptionalInt.empty();
  }

  /** Docker writes {@code 0001-01-01T00:00:00Z} for never. */
  private static Optional<Instant> time(JsonNode node) {
    try {
      Instant instant = Instant.parse(node.asText(""));
      return instant.isAfter(Instant.EPOCH) ? Optional.of(instant) : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
