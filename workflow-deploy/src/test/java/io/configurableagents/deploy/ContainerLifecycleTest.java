package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle of deployed containers against the docker command line's seam (each command and
 * its answer as Docker 20.10 gives them) and, for health, a server on loopback that answers as
 * the runtime's health endpoints do.
 */
class ContainerLifecycleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-12-06T20:50:03.5Z");

  @TempDir Path dir;
  private final Map<String, String> containers = new LinkedHashMap<>();
  private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
  private final DeployLog log = new DeployLog() {
    @Override
    public void info(String message) {
      logged.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
      logged.add("WARN " + message);
    }

    @Override
    public void debug(String message) {}
  };
  private HttpServer runtime;

  @AfterEach
  void stopRuntime() {
    if (runtime != null) {
      runtime.stop(0);
    }
  }

  /** The daemon: {@code containers} by name, each as docker inspect prints it. */
  private FakeDocker.Answer daemon(List<String> args) {
    if (args.get(0).equals("ps")) {
      StringBuilder ids = new StringBuilder();
      containers.values().stream().filter(c -> c.contains(ContainerLabels.DEPLOYED_BY))
          .forEach(c -> ids.append(field(c, "Id")).append('\n'));
      return FakeDocker.Answer.ok(ids.toString());
    }
    if (args.size() > 2 && args.subList(0, 2).equals(List.of("container", "inspect")) && !args.get(2).startsWith("--")) {
      ArrayNode all = JSON.createArrayNode();
      for (String id : args.subList(2, args.size())) {
        containers.values().stream().filter(c -> field(c, "Id").equals(id)).forEach(c -> all.add(read(c)));
      }
      return FakeDocker.Answer.ok(all.toString());
    }
    if (args.get(0).equals("container") && args.contains("{{.Name}}")) {
      String name = args.get(args.size() - 1);
      return containers.containsKey(name) ? FakeDocker.Answer.ok("/" + name + "\n")
          : FakeDocker.Answer.fail("Error: No such container: " + name + "\n");
    }
    if (args.get(0).equals("volume")) {
      return FakeDocker.Answer.ok(args.get(2) + "\n");
    }
    return FakeDocker.Answer.ok("");
  }

  private ContainerLifecycle lifecycle(FakeDocker docker) {
    return new ContainerLifecycle(docker.cli(), new HelpfulSuggestions(), log, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** A container from a fixture, renamed, its API on {@code apiPort}, in {@code state}. */
  private void deployed(String fixture, String name, int apiPort, String state) {
    ObjectNode c = (ObjectNode) read(DeployedContainerTest.fixture(fixture)).get(0);
    c.put("Id", name + "-0123456789abcdef");
    c.put("Name", "/" + name);
    ((ObjectNode) c.get("State")).put("Status", state);
    ((ObjectNode) c.get("Config").get("Labels")).put(ContainerLabels.DATA_VOLUME, name + "-data");
    ObjectNode bindings = JSON.createObjectNode();
    bindings.set("8000/tcp", JSON.createArrayNode().add(JSON.createObjectNode().put("HostIp", "")
        .put("HostPort", String.valueOf(apiPort))));
    ((ObjectNode) c.get("HostConfig")).put("NetworkMode", "default").set("PortBindings", bindings);
    containers.put(name, c.toString());
  }

  /** A container that no deploy of ours started. */
  private void startedByHand(String name) {
    containers.put(name, "{\"Id\":\"" + name + "-id\",\"Name\":\"/" + name + "\",\"State\":{\"Status\":\"running\"},"
        + "\"Config\":{\"Image\":\"nginx:1\",\"Labels\":{}}}");
  }

  private static com.fasterxml.jackson.databind.JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String field(String json, String name) {
    return read(json).path(name).asText();
  }

  /** A server on loopback answering as the runtime does: /health, and readiness (503 with a reason when not ready). */
  private int runtime(boolean ready) throws IOException {
    runtime = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    runtime.createContext("/health", exchange -> answer(exchange, 200, "{\"status\":\"healthy\"}"));
    runtime.createContext("/observe/health/ready", exchange -> answer(exchange, ready ? 200 : 503, ready
        ? "{\"status\":\"UP\",\"checks\":[{\"name\":\"workflow\",\"status\":\"UP\",\"data\":{\"runs_in_flight\":0}}]}"
        : "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"workflow\",\"status\":\"DOWN\",\"data\":{\"reason\":"
            + "\"missing environment variable OPENAI_API_KEY: set it (e.g. in the --env-file) and restart\","
            + "\"runs_in_flight\":0}}]}"));
    runtime.start();
    return runtime.getAddress().getPort();
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void statusListsEveryContainerOurDeploysStartedByNameWithHealthAndUptime() throws IOException {
    int port = runtime(false);
    deployed("bridge-running.json", "triage", port, "running");
    deployed("host-exited.json", "archive", freePort(), "exited");
    startedByHand("nginx");

    List<ContainerStatus> statuses = lifecycle(new FakeDocker(this::daemon)).status();

    assertThat(statuses).extracting(ContainerStatus::name).containsExactly("archive", "triage");
    ContainerStatus triage = statuses.get(1);
    assertThat(triage.workflowName()).hasValue("deploy-end-to-end");
    assertThat(triage.workflowVersion()).hasValue("1.2.3");
    assertThat(triage.image()).isEqualTo("deploy-it:1.0.0");
    assertThat(triage.health()).isEqualTo(Health.notReady(
        "missing environment variable OPENAI_API_KEY: set it (e.g. in the --env-file) and restart"));
    assertThat(triage.api()).hasValue(URI.create("http://127.0.0.1:" + port));
    assertThat(triage.uptime()).hasValue(Duration.parse("PT2M0.45151004S"));
    assertThat(triage.dataVolume()).isEqualTo("triage-data");
    ContainerStatus archive = statuses.get(0);
    assertThat(archive.health()).isEqualTo(Health.notRunning());
    assertThat(archive.uptime()).isEmpty();
    assertThat(archive.describeState()).isEqualTo("exited (exit code 143: SIGTERM)");
  }

  @Test
  void aReadyRuntimeIsReadyAndOneThatDoesNotAnswerIsSaidSo() throws IOException {
    deployed("bridge-running.json", "ready", runtime(true), "running");
    deployed("bridge-running.json", "silent", freePort(), "running");
    ContainerLifecycle lifecycle = lifecycle(new FakeDocker(this::daemon));

    assertThat(lifecycle.status("ready").health()).isEqualTo(Health.ready());
    assertThat(lifecycle.status("silent").health()).isEqualTo(Health.notAnswering());
  }

  @Test
  void aNameThatMatchesNoneFailsListingTheDeployedOnes() throws IOException {
    deployed("bridge-running.json", "triage", freePort(), "running");
    deployed("host-exited.json", "archive", freePort(), "exited");

    assertThatThrownBy(() -> lifecycle(new FakeDocker(this::daemon)).stop("triag"))
        .isInstanceOfSatisfying(DeployException.class, e -> assertThat(e.isUserError()).isTrue())
        .hasMessage("No container named 'triag' was deployed on this Docker daemon; deployed: archive (exited,"
            + " deploy-lifecycle 1.2.3), triage (running, deploy-end-to-end 1.2.3); perhaps you should name one of"
            + " them with the name setting (name=archive)");
  }

  @Test
  void withNothingDeployedTheAdviceIsToDeploy() {
    assertThatThrownBy(() -> lifecycle(new FakeDocker(this::daemon)).logs("triage", OptionalInt.empty(), false,
        line -> {}))
        .hasMessage("No container named 'triage' was deployed on this Docker daemon, and no other either; perhaps"
            + " you should deploy it first");
  }

  @Test
  void aContainerOurDeploysDidNotStartIsNeverTouched() {
    startedByHand("nginx");
    FakeDocker docker = new FakeDocker(this::daemon);

    assertThatThrownBy(() -> lifecycle(docker).undeploy("nginx", true))
        .hasMessage("The container 'nginx' was not started by a deploy of configurable-agents (it lacks the label"
            + " io.configurableagents.deployed-by), so it is left alone; perhaps you should manage it with docker"
            + " itself");
    assertThat(docker.commands()).noneMatch(c -> c.get(0).equals("stop") || c.get(0).equals("rm")
        || c.get(0).equals("volume"));
  }

  @Test
  void whenTheDaemonIsDownItsCauseIsReportedWithTheFix() {
    Path socket = dir.resolve("docker.sock");
    String down = "Cannot connect to the Docker daemon at unix://" + socket + ". Is the docker daemon running?\n";
    FakeDocker docker = new FakeDocker(args -> FakeDocker.Answer.fail(down));

    assertThatThrownBy(() -> new ContainerLifecycle(docker.cli(Map.of("DOCKER_HOST", "unix://" + socket)),
        new HelpfulSuggestions(), log).status())
        .isInstanceOfSatisfying(DeployException.class, e -> assertThat(e.isUserError()).isFalse())
        .hasMessage("The Docker daemon is not running: there is no daemon socket at unix://" + socket
            + " (it comes from DOCKER_HOST); perhaps you should point DOCKER_HOST at a running daemon, or unset it"
            + " to use the default socket");
  }

  @Test
  void stopGivesRunsInFlightAMinuteAndKeepsTheDataVolume() throws IOException {
    deployed("bridge-running.json", "triage", freePort(), "running");
    FakeDocker docker = new FakeDocker(args -> {
      if (args.get(0).equals("stop")) {
        deployed("bridge-running.json", "triage", 1, "exited");
      }
      return daemon(args);
    });

    ContainerStatus stopped = lifecycle(docker).stop("triage");

    assertThat(docker.commands()).contains(List.of("stop", "--time", "60", "triage"));
    assertThat(docker.commands()).noneMatch(c -> c.get(0).equals("rm") || c.get(0).equals("volume"));
    assertThat(stopped.state()).isEqualTo("exited");
    assertThat(logged).contains("INFO Stopped container triage (exited (exit code 0)); its data volume triage-data"
        + " stays");
  }

  @Test
  void stoppingAStoppedContainerChangesNothing() throws IOException {
    deployed("host-exited.json", "archive", freePort(), "exited");
    FakeDocker docker = new FakeDocker(this::daemon);

    lifecycle(docker).stop("archive");

    assertThat(docker.commands()).noneMatch(c -> c.get(0).equals("stop"));
    assertThat(logged).contains("INFO Container archive is not running (exited); nothing to stop");
  }

  @Test
  void startWaitsUntilTheRuntimeAnswersAndWarnsWhenItIsNotReady() throws IOException {
    int port = runtime(false);
    deployed("host-exited.json", "archive", port, "exited");
    // the runtime "starts" with docker start: its port is taken from then on
    runtime.stop(0);
    FakeDocker docker = new FakeDocker(args -> {
      if (args.get(0).equals("start")) {
        deployed("host-exited.json", "archive", port, "running");
        try {
          runtime = null;
          runtimeOn(port);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return daemon(args);
    });

    ContainerStatus started = lifecycle(docker).start("archive", Duration.ofSeconds(10));

    assertThat(docker.commands()).contains(List.of("start", "archive"));
    assertThat(started.running()).isTrue();
    assertThat(logged).anyMatch(l -> l.startsWith("INFO Container archive is healthy after ")
        && l.endsWith(": API http://127.0.0.1:" + port));
    assertThat(logged).contains("WARN not ready: missing environment variable OPENAI_API_KEY: set it (e.g. in the"
        + " --env-file) and restart");
  }

  private void runtimeOn(int port) throws IOException {
    runtime = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    runtime.createContext("/health", exchange -> answer(exchange, 200, "{\"status\":\"healthy\"}"));
    runtime.createContext("/observe/health/ready", exchange -> answer(exchange, 503,
        "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"workflow\",\"status\":\"DOWN\",\"data\":{\"reason\":"
            + "\"missing environment variable OPENAI_API_KEY: set it (e.g. in the --env-file) and restart\"}}]}"));
    runtime.start();
  }

  @Test
  void startRefusesWhenSomethingElseTookThePortMeanwhile() throws IOException {
    try (ServerSocket taken = new ServerSocket(0)) {
      deployed("host-exited.json", "archive", taken.getLocalPort(), "exited");
      FakeDocker docker = new FakeDocker(this::daemon);

      assertThatThrownBy(() -> lifecycle(docker).start("archive", Duration.ofSeconds(10)))
          .hasMessageStartingWith("Port " + taken.getLocalPort() + " on this machine, which the stopped container"
              + " 'archive' publishes, is in use now; perhaps you should stop what listens there");
      assertThat(docker.commands()).noneMatch(c -> c.get(0).equals("start"));
    }
  }

  @Test
  void undeployStopsAndRemovesTheContainerAndKeepsItsDataUnlessAskedTo() throws IOException {
    deployed("bridge-running.json", "triage", freePort(), "running");
    FakeDocker docker = new FakeDocker(this::daemon);

    ContainerLifecycle.Undeployed kept = lifecycle(docker).undeploy("triage", false);

    assertThat(kept.dataVolume()).isEmpty();
    assertThat(docker.commands()).containsSubsequence(List.of("stop", "--time", "60", "triage"),
        List.of("rm", "--force", "triage"));
    assertThat(docker.commands()).noneMatch(c -> c.get(0).equals("volume"));
    assertThat(logged).contains("INFO Removed container triage (triage-01234); the image deploy-it:1.0.0 stays",
        "INFO Its data volume triage-data stays (jobs, traces): a deploy of the same name uses it again; to"
            + " remove it too, undeploy with the removeData setting (removeData=true)");
  }

  @Test
  void undeployWithRemoveDataSaysWhatItRemoved() throws IOException {
    deployed("host-exited.json", "archive", freePort(), "exited");
    FakeDocker docker = new FakeDocker(this::daemon);

    ContainerLifecycle.Undeployed removed = lifecycle(docker).undeploy("archive", true);

    assertThat(removed).isEqualTo(new ContainerLifecycle.Undeployed("archive", "lifecycle-it:1.0.0",
        Optional.of("archive-data")));
    assertThat(docker.commands()).noneMatch(c -> c.get(0).equals("stop"))
        .contains(List.of("rm", "--force", "archive"), List.of("volume", "rm", "archive-data"));
    assertThat(logged).contains("INFO Removed its data volume archive-data (jobs, traces and the AOT cache)");
  }

  @Test
  void logsHandsEveryLineOverWithTheTailAskedFor() throws Exception {
    deployed("bridge-running.json", "triage", freePort(), "running");
    FakeDocker docker = new FakeDocker(args -> args.get(0).equals("logs")
        ? new FakeDocker.Answer(0, "Server started on :8000\nrun 1 done\n", "WARNING: slow provider\n", false)
        : daemon(args));
    List<String> lines = Collections.synchronizedList(new ArrayList<>());

    try (LogFollower follower = lifecycle(docker).logs("triage", OptionalInt.of(2), false, lines::add)) {
      assertThat(follower.await(Duration.ofSeconds(10))).isTrue();
    }

    assertThat(docker.commands()).contains(List.of("logs", "--tail", "2", "triage"));
    assertThat(lines).containsExactlyInAnyOrder("Server started on :8000", "run 1 done", "WARNING: slow provider");
  }

  @Test
  void aFollowedLogRunsUntilItIsCancelled() throws Exception {
    deployed("bridge-running.json", "triage", freePort(), "running");
    FakeDocker docker = new FakeDocker(args -> args.get(0).equals("logs")
        ? FakeDocker.Answer.holding("Server started on :8000\n", "") : daemon(args));
    List<String> lines = Collections.synchronizedList(new ArrayList<>());

    LogFollower follower = lifecycle(docker).logs("triage", OptionalInt.empty(), true, lines::add);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (lines.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(follower.await(Duration.ofMillis(300))).isFalse();
    follower.cancel();

    assertThat(follower.await(Duration.ofSeconds(10))).isTrue();
    assertThat(follower.isRunning()).isFalse();
    assertThat(lines).containsExactly("Server started on :8000");
    assertThat(docker.commands()).contains(List.of("logs", "--follow", "triage"));
  }

  @Test
  void aNegativeTailIsRefused() {
    assertThatThrownBy(() -> lifecycle(new FakeDocker(this::daemon)).logs("triage", OptionalInt.of(-1), false,
        line -> {}))
        .hasMessage("Invalid tail '-1': the number of lines is 0 or more; perhaps you should use the tail setting"
            + " (tail=100)");
  }

  @Test
  void withoutANameTheContainerIsTheOneDeployNamesForTheWorkflow() throws IOException {
    Path workflow = Files.writeString(dir.resolve("workflow.yaml"), "schema_version: \"1.0\"\n"
        + "flow:\n  name: Ticket Triage!\n"
        + "state:\n  fields:\n    ticket: {type: str, required: true}\n    category: {type: str, default: \"\"}\n"
        + "nodes:\n  - id: classify\n    prompt: \"Classify {state.ticket}.\"\n    outputs: [category]\n"
        + "    output_schema: {type: str}\n"
        + "edges:\n  - {from: START, to: classify}\n  - {from: classify, to: END}\n"
        + "config:\n  llm: {provider: openai, model: gpt-4o-mini}\n");
    ContainerLifecycle lifecycle = lifecycle(new FakeDocker(this::daemon));

    assertThat(lifecycle.containerName(Optional.empty(), workflow)).isEqualTo("ticket-triage");
    assertThat(lifecycle.containerName(Optional.of("other"), workflow)).isEqualTo("other");
  }

  @Test
  void withoutANameOrAWorkflowFileTheDeployedOnesAreListed() throws IOException {
    deployed("bridge-running.json", "triage", freePort(), "running");

    assertThatThrownBy(() -> lifecycle(new FakeDocker(this::daemon)).containerName(Optional.empty(),
        dir.resolve("workflow.yaml")))
        .hasMessage("Which container? no name was given, and there is no workflow file at " + dir.resolve(
            "workflow.yaml") + " to take its flow name from; deployed: triage (running, deploy-end-to-end 1.2.3);"
            + " perhaps you should name it with the name setting (name=triage)");
  }
}
