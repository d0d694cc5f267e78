package io.configurableagents.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that Docker can be used before any build work: {@code docker version} must reach a
 * daemon. When it does not, the cause is found out (no binary, no daemon, a socket nobody
 * listens on, no permission, no answer) and reported with its own fix.
 */
public final class DockerPreflight {
  static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final Duration PLATFORM_TIMEOUT = Duration.ofSeconds(5);
  static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
  private static final Pattern CANNOT_CONNECT = Pattern.compile("Cannot connect to the Docker daemon at (\\S+?)\\.? Is");

  private final DockerCli docker;
  private final HelpfulSuggestions suggestions;

  public DockerPreflight(DockerCli docker, HelpfulSuggestions suggestions) {
    this.docker = docker;
    this.suggestions = suggestions;
  }

  /** The daemon's version; throws with the cause and its fix when Docker cannot be used. */
  public String serverVersion() {
    ProcessResult result = docker.run(TIMEOUT, "version", "--format", "{{.Server.Version}}");
    if (result.succeeded() && !result.stdout().isBlank()) {
      return result.stdout().strip();
    }
    String stderr = result.stderr();
    if (stderr.contains("permission denied")) {
      throw suggestions.dockerPermissionDenied(host(stderr));
    }
    if (stderr.contains("Is the docker daemon running")) {
      throw unreachable(host(stderr));
    }
    throw suggestions.dockerFailed(result.display(), result.reason());
  }

  /**
   * The platform the daemon runs images of ({@code linux/amd64}, {@code linux/arm64}); empty when
   * there is no daemon to ask (a build that only pushes needs none) or it does not say.
   */
  public Optional<ImagePlatform> serverPlatform() {
    try {
      ProcessResult result = docker.run(PLATFORM_TIMEOUT, "version", "--format", "{{.Server.Os}}/{{.Server.Arch}}");
      return result.succeeded() ? ImagePlatform.ofDockerVersion(result.stdout()) : Optional.empty();
    } catch (DeployException e) {
      return Optional.empty();
    }
  }

  private String host(String stderr) {
    Matcher m = CANNOT_CONNECT.matcher(stderr);
    return m.find() ? m.group(1) : docker.variable("DOCKER_HOST").orElse(DEFAULT_HOST);
  }

  /** Tells a daemon that is not there from a socket that refuses. */
  private DeployException unreachable(String host) {
    boolean fromDockerHost = docker.variable("DOCKER_HOST").filter(host::equals).isPresent();
    if (host.startsWith("unix://")) {
      Path socket = Path.of(host.substring("unix://".length()));
      if (!Files.exists(socket)) {
        return suggestions.dockerDaemonNotRunning(host, fromDockerHost);
      }
      return answers(socket) ? suggestions.dockerFailed("docker version", "the daemon at " + host + " did not answer")
          : suggestions.dockerSocketRefused(host, fromDockerHost);
    }
    if (host.startsWith("tcp://") && !answers(URI.create(host))) {
      return suggestions.dockerSocketRefused(host, fromDockerHost);
    }
    return suggestions.dockerDaemonNotRunning(host, fromDockerHost);
  }

  private static boolean answers(Path socket) {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      return channel.connect(UnixDomainSocketAddress.of(socket));
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static boolean answers(URI tcp) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(tcp.getHost(), tcp.getPort()), 2000);
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }
}
