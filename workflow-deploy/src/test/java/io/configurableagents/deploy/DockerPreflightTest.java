package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerPreflightTest {
  @TempDir Path dir;

  private static String cannotConnect(String host) {
    return "Cannot connect to the Docker daemon at " + host + ". Is the docker daemon running?\n";
  }

  @Test
  void answersTheServerVersionFromDockerVersion() {
    FakeDocker docker = new FakeDocker(args -> FakeDocker.Answer.ok("20.10.24+dfsg1\n"));

    String version = new DockerPreflight(docker.cli(), new HelpfulSuggestions()).serverVersion();

    assertThat(version).isEqualTo("20.10.24+dfsg1");
    assertThat(docker.commands()).containsExactly(List.of("version", "--format", "{{.Server.Version}}"));
  }

  @Test
  void missingBinarySaysDockerIsNotInstalledAndHowToInstallIt() {
    DockerCli cli = new DockerCli("/no/such/docker", Map.of(), ProcessBuilder::new, new HelpfulSuggestions());

    assertThatThrownBy(() -> new DockerPreflight(cli, new HelpfulSuggestions()).serverVersion())
        .isInstanceOfSatisfying(DeployException.class, e -> {
          assertThat(e.isUserError()).isFalse();
          assertThat(e.userMessage())
              .startsWith("Docker is not installed: the command '/no/such/docker' was not found")
              .contains("perhaps you should install Docker Engine");
        });
  }

  @Test
  void noSocketAtTheDefaultHostSaysTheDaemonIsNotRunningAndHowToStartIt() {
    String host = "unix://" + dir.resolve("docker.sock");
    FakeDocker docker = new FakeDocker(args -> FakeDocker.Answer.fail(cannotConnect(host)));

    assertThatThrownBy(() -> new DockerPreflight(docker.cli(), new HelpfulSuggestions()).serverVersion())
        .hasMessage("The Docker daemon is not running: there is no daemon socket at " + host
            + "; perhaps you should start it (sudo systemctl start docker, or open Docker Desktop) and check with"
            + " 'docker version'");
  }

  @Test
  void deadSocketFromDockerHostSaysItRefusesAndToFixDockerHost() throws IOException {
    Path socket = deadSocket();
    String host = "unix://" + socket;
    FakeDocker docker = new FakeDocker(args -> FakeDocker.Answer.fail(cannotConnect(host)));

    assertThatThrownBy(() -> new DockerPreflight(docker.cli(Map.of("DOCKER_HOST", host)), new HelpfulSuggestions())
        .serverVersion())
        .hasMessage("The Docker daemon socket " + host + " refused the connection: no daemon listens on it any more"
            + " (it comes from DOCKER_HOST); perhaps you should point DOCKER_HOST at a running daemon, or unset it to"
            + " use the default socket");
  }

  @Test
  void deadDefaultSocketSaysItRefusesAndToRestartTheDaemon() throws IOException {
    String host = "unix://" + deadSocket();
    FakeDocker docker = new FakeDocker(args -> FakeDocker.Answer.fail(cannotConnect(host)));

    assertThatThrownBy(() -> new DockerPreflight(docker.cli(), new HelpfulSuggestions()).serverVersion())
        .hasMessageContaining("refused the connection")
        .hasMessageNotContaining("DOCKER_HOST")
        .hasMessageEndingWith("perhaps you should restart the daemon (sudo systemctl restart docker) and check with"
            + " 'docker version'");
  }

  @Test
  void refusedTcpHostFromDockerHostSaysItRefuses() {
    String host = "tcp://127.0.0.1:1";
    FakeDocker docker = new FakeDocker(args -> FakeDocker.Answer.fail(cannotConnect(host)));

    assertThatThrownBy(() -> new DockerPreflight(docker.cli(Map.of("DOCKER_HOST", host)), new HelpfulSuggestions())
        .serverVersion())
        .hasMessageStartingWith("The Docker daemon socket tcp://127.0.0.1:1 refused the connection");
  }

  @Test
  void permissionDeniedSaysToJoinTheDockerGroup() {
    FakeDocker docker = new FakeDocker(args -> FakeDocker.Answer.fail(
        "permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get"
            + " \"http://%2Fvar%2Frun%2Fdocker.sock/v1.24/version\": dial unix /var/run/docker.sock: connect:"
            + " permission denied\n"));

    assertThatThrownBy(() -> new DockerPreflight(docker.cli(), new HelpfulSuggestions()).serverVersion())
        .hasMessageStartingWith("Permission denied on the Docker daemon socket")
        .hasMessageContaining("add your user to the docker group");
  }

  @Test
  void aDaemonThatDoesNotAnswerInTimeIsReportedAsSuch() {
    DockerCli slow = new DockerCli("docker", Map.of(), c -> new ProcessBuilder("sleep", "10"), new HelpfulSuggestions());

    assertThatThrownBy(() -> slow.run(Duration.ofMillis(300), "version"))
        .hasMessage("'docker version' did not answer within 0.3 s; perhaps you should check that the Docker daemon is"
            + " healthy ('docker info') and that DOCKER_HOST points at it");
  }

  @Test
  void anyOtherFailureGivesDockersOwnFirstLine() {
    FakeDocker docker = new FakeDocker(args -> FakeDocker.Answer.fail("\nError response from daemon: client version"
        + " 1.52 is too new. Maximum supported API version is 1.41\n"));

    assertThatThrownBy(() -> new DockerPreflight(docker.cli(), new HelpfulSuggestions()).serverVersion())
        .hasMessage("'docker version --format {{.Server.Version}}' failed: Error response from daemon: client version"
            + " 1.52 is too new. Maximum supported API version is 1.41");
  }

  /** A socket file nobody listens on, as a daemon that died leaves it. */
  private Path deadSocket() throws IOException {
    Path socket = dir.resolve("dead.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
    }
    return socket;
  }
}
