package io.configurableagents.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The health check the generated Dockerfile and compose file run, as they run it: a JVM on the
 * runtime jar alone, against the packaged server.
 */
class HealthProbeIT {
  @TempDir Path dir;

  @Test
  void aRunningServerIsHealthy() throws Exception {
    try (FakeOpenAi fake = FakeOpenAi.start(Duration.ZERO);
        ServerProcess server = ServerProcess.start(
            EchoWorkflow.environment(EchoWorkflow.write(dir, fake), dir.resolve("data")), dir.resolve("server.log"))) {
      Probe probe = probe(Map.of("PORT", String.valueOf(server.port())));

      assertThat(probe.exitCode()).isEqualTo(0);
      assertThat(probe.output()).isEqualTo("healthy: GET http://127.0.0.1:" + server.port() + "/health answered 200\n");
    }
  }

  @Test
  void aPortNothingListensOnIsUnhealthyAndSaysWhy() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }

    Probe probe = probe(Map.of("PORT", String.valueOf(port)));

    assertThat(probe.exitCode()).isEqualTo(1);
    assertThat(probe.output()).startsWith("unhealthy: GET http://127.0.0.1:" + port + "/health failed: ")
        .contains("Connection refused");
  }

  @Test
  void aServerWhoseHealthAnswersAnErrorIsUnhealthy() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/health", exchange -> {
      exchange.sendResponseHeaders(503, -1);
      exchange.close();
    });
    server.start();
    try {
      int port = server.getAddress().getPort();

      Probe probe = probe(Map.of("PORT", String.valueOf(port)));

      assertThat(probe.exitCode()).isEqualTo(1);
      assertThat(probe.output()).isEqualTo("unhealthy: GET http://127.0.0.1:" + port + "/health answered 503\n");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aPortOfZeroNamesNothingToProbe() throws Exception {
    Probe probe = probe(Map.of("PORT", "0"));

    assertThat(probe.exitCode()).isEqualTo(1);
    assertThat(probe.output()).isEqualTo("unhealthy: PORT=\"0\" names no port to probe\n");
  }

  private record Probe(int exitCode, String output) {}

  /** The probe as the image runs it: the runtime jar alone on the class path. */
  private Probe probe(Map<String, String> env) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    String jar = System.getProperty("runtime.jar", "target/helidon-runtime-0.1.0-SNAPSHOT.jar");
    List<String> command = new ArrayList<>(List.of(java, "-cp", jar, HealthProbe.class.getName()));
    Path output = dir.resolve("probe.log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Probe(process.exitValue(), Files.readString(output));
  }
}
