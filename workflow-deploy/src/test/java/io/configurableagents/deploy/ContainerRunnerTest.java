package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerRunnerTest {
  @TempDir Path dir;

  private static final List<String> LABELS = List.of(
      "--label", "io.configurableagents.deployed-by=configurable-agents",
      "--label", "io.configurableagents.workflow.name=Ticket Triage!",
      "--label", "io.configurableagents.workflow.version=2.1",
      "--label", "io.configurableagents.data-volume=ticket-triage-data",
      "--label", "io.configurableagents.api-port=8000",
      "--label", "io.configurableagents.traces-port=5000");

  @Test
  void runsDetachedNeverPullingRestartingWithNamePortsEnvFileDataVolumeAndLabels() {
    DeployRequest request = TestRequests.request(dir);

    List<String> args = ContainerRunner.runArguments(request, Optional.of(Path.of("/p/.env")));

    List<String> expected = new ArrayList<>(List.of("run", "-d", "--pull", "never", "--name", "ticket-triage",
        "--restart", "unless-stopped", "-p", "8000:8000", "-p", "5000:5000", "--env-file", "/p/.env",
        "-v", "ticket-triage-data:/app/data"));
    expected.addAll(LABELS);
    expected.add("ticket-triage:1.0.0");
    assertThat(args).isEqualTo(expected);
  }

  @Test
  void hostPortsMapToTheFixedPortsInside() {
    DeployRequest request = TestRequests.withPorts(TestRequests.request(dir), 9123, 9124);

    assertThat(ContainerRunner.runArguments(request, Optional.empty()))
        .containsSubsequence("-p", "9123:8000", "-p", "9124:5000")
        .doesNotContain("--env-file");
  }

  @Test
  void tracesOffPublishesNoTracesPortAndTurnsThePageOff() {
    DeployRequest request = TestRequests.withPorts(TestRequests.request(dir), 8000, 0);

    assertThat(ContainerRunner.runArguments(request, Optional.empty()))
        .containsSubsequence("-p", "8000:8000", "-e", "TRACES_PORT=0", "-v", "ticket-triage-data:/app/data")
        .contains("io.configurableagents.traces-port=0")
        .doesNotContain("5000:5000");
  }

  @Test
  void aNetworkIsJoined() {
    DeployRequest request = TestRequests.withNetwork(TestRequests.request(dir), "ollama-net");

    assertThat(ContainerRunner.runArguments(request, Optional.empty()))
        .containsSubsequence("-v", "ticket-triage-data:/app/data", "--network", "ollama-net", "ticket-triage:1.0.0");
  }

  @Test
  void onTheHostNetworkTheRuntimeListensOnTheHostPortsThemselves() {
    DeployRequest request = TestRequests.withNetwork(TestRequests.withPorts(TestRequests.request(dir), 9000, 9001),
        "host");

    assertThat(ContainerRunner.runArguments(request, Optional.empty()))
        .containsSubsequence("--restart", "unless-stopped", "-e", "PORT=9000", "-e", "TRACES_PORT=9001", "-v",
            "ticket-triage-data:/app/data", "--network", "host", "--label")
        .contains("io.configurableagents.api-port=9000", "io.configurableagents.traces-port=9001")
        .doesNotContain("-p");
  }

  @Test
  void aNameInUseWithoutReplaceFailsNamingTheContainerAndBothWaysOut() {
    FakeDocker docker = new FakeDocker(args -> FakeDocker.Answer.ok("running\n"));
    ContainerRunner runner = new ContainerRunner(docker.cli(), new HelpfulSuggestions(), DeployLog.SILENT);

    assertThatThrownBy(() -> runner.requireNameFree(TestRequests.request(dir)))
        .isInstanceOfSatisfying(DeployException.class, e -> assertThat(e.isUserError()).isTrue())
        .hasMessage("A container named 'ticket-triage' already exists (running); perhaps you should redeploy over it"
            + " with the replace setting (replace=true) (it keeps the data volume ticket-triage-data), or remove it"
            + " with 'docker rm -f ticket-triage'");
  }

  @Test
  void aFreeNameIsFine() {
    FakeDocker docker = new FakeDocker(args -> FakeDocker.Answer.fail("Error: No such container: ticket-triage\n"));

    new ContainerRunner(docker.cli(), new HelpfulSuggestions(), DeployLog.SILENT)
        .requireNameFree(TestRequests.request(dir));

    assertThat(docker.commands()).containsExactly(
        List.of("container", "inspect", "--format", "{{.State.Status}}", "ticket-triage"));
  }

  @Test
  void replaceStopsAndRemovesTheOldContainerKeepingItsVolumeThenRunsTheNewOne() {
    FakeDocker docker = new FakeDocker(args -> args.get(0).equals("run") ? FakeDocker.Answer.ok("abc123\n")
        : FakeDocker.Answer.ok("running\n"));
    DeployRequest request = TestRequests.withReplace(TestRequests.request(dir));

    String id = new ContainerRunner(docker.cli(), new HelpfulSuggestions(), DeployLog.SILENT)
        .start(request, Optional.empty());

    assertThat(id).isEqualTo("abc123");
    assertThat(docker.commands()).containsExactly(
        List.of("container", "inspect", "--format", "{{.State.Status}}", "ticket-triage"),
        List.of("stop", "--time", "60", "ticket-triage"),
        List.of("rm", "ticket-triage"),
        ContainerRunner.runArguments(request, Optional.empty()));
    assertThat(docker.commands()).noneMatch(c -> c.contains("volume") || c.contains("-v") && c.get(0).equals("rm"));
  }

  @Test
  void portsTheOldContainerPublishesAreReadFromItsBindings() {
    FakeDocker docker = new FakeDocker(args -> FakeDocker.Answer.ok(inspect("default",
        "{\"5000/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"5001\"}],\"8000/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"8001\"}]}",
        "[\"PORT=8000\",\"TRACES_PORT=5000\"]")));

    assertThat(new ContainerRunner(docker.cli(), new HelpfulSuggestions(), DeployLog.SILENT)
        .heldPorts("ticket-triage")).containsExactly(5001, 8001);
    assertThat(docker.commands()).containsExactly(List.of("container", "inspect", "ticket-triage"));
  }

  @Test
  void onTheHostNetworkTheOldContainerHoldsThePortsItsRuntimeListensOn() {
    FakeDocker docker = new FakeDocker(args -> FakeDocker.Answer.ok(inspect("host", "{}",
        "[\"OPENAI_API_KEY=sk-secret\",\"PORT=8000\",\"TRACES_PORT=5000\",\"PORT=9000\",\"TRACES_PORT=9001\"]")));

    assertThat(new ContainerRunner(docker.cli(), new HelpfulSuggestions(), DeployLog.SILENT)
        .heldPorts("ticket-triage")).containsExactly(9000, 9001);
  }

  @Test
  void aContainerThatIsNotThereHoldsNoPorts() {
    FakeDocker docker = new FakeDocker(args -> FakeDocker.Answer.fail("Error: No such container: ticket-triage\n"));

    assertThat(new ContainerRunner(docker.cli(), new HelpfulSuggestions(), DeployLog.SILENT)
        .heldPorts("ticket-triage")).isEmpty();
  }

  @Test
  void aContainerDockerHadToRestartHasStoppedEvenIfItRunsAgainForNow() {
    FakeDocker docker = new FakeDocker(args -> FakeDocker.Answer.ok("running 3 2\n"));

    assertThat(new ContainerRunner(docker.cli(), new HelpfulSuggestions(), DeployLog.SILENT)
        .stoppedState("ticket-triage", 0)).hasValue("exited with exit code 3, and Docker restarted it 2 times");
  }

  @Test
  void aRunningContainerNeverRestartedHasNotStopped() {
    FakeDocker docker = new FakeDocker(args -> FakeDocker.Answer.ok("running 0 0\n"));

    assertThat(new ContainerRunner(docker.cli(), new HelpfulSuggestions(), DeployLog.SILENT)
        .stoppedState("ticket-triage", 0)).isEmpty();
  }

  @Test
  void restartsFromBeforeTheWaitDoNotCount() {
    FakeDocker docker = new FakeDocker(args -> FakeDocker.Answer.ok("running 0 2\n"));

    assertThat(new ContainerRunner(docker.cli(), new HelpfulSuggestions(), DeployLog.SILENT)
        .stoppedState("ticket-triage", 2)).isEmpty();
  }

  /** What docker inspect prints for one container, trimmed to what the deploy layer reads. */
  static String inspect(String networkMode, String portBindings, String env) {
    return "[{\"Id\":\"abc123\",\"Name\":\"/ticket-triage\",\"State\":{\"Status\":\"running\",\"ExitCode\":0,"
        + "\"StartedAt\":\"2026-12-06T20:48:03.04848996Z\",\"FinishedAt\":\"0001-01-01T00:00:00Z\"},\"RestartCount\":0,"
        + "\"Config\":{\"Image\":\"ticket-triage:1.0.0\",\"Env\":" + env + ",\"Labels\":{}},"
        + "\"HostConfig\":{\"NetworkMode\":\"" + networkMode + "\",\"PortBindings\":" + portBindings + "},"
        + "\"Mounts\":[{\"Type\":\"volume\",\"Name\":\"ticket-triage-data\",\"Destination\":\"/app/data\"}]}]";
  }
}
