package io.configurableagents.runtime;

import static io.configurableagents.runtime.RunApiProcessIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many connections at once against the packaged jar: the API listener must outlive descriptor
 * exhaustion (issue 11), its connection cap must be reached before the descriptors run out, and
 * readiness must say when it is. Prints the figure of docs/performance.md (serving again, after how
 * many seconds); {@code -Dflood.sockets=N} changes the number of sockets.
 */
class ConnectionFloodIT {
  private static final int DESCRIPTORS = 1024;
  private static final int SOCKETS = Integer.getInteger("flood.sockets", 1_100);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir Path dir;
  private FakeOpenAi fake;
  private Map<String, String> env;

  @BeforeEach
  void setUp() throws Exception {
    fake = FakeOpenAi.start(Duration.ZERO);
    env = EchoWorkflow.environment(EchoWorkflow.write(dir, fake), dir.resolve("data"));
  }

  @AfterEach
  void tearDown() {
    fake.close();
  }

  @Test
  void theApiServesAgainAfterMoreConnectionsThanDescriptorsWereOpenedAndClosed() throws Exception {
    try (ServerProcess server = ServerProcess.startWithDescriptorLimit(DESCRIPTORS, env, dir.resolve("server.log"))) {
      List<Socket> flood = open(server.port(), SOCKETS);
      Thread.sleep(2_000);
      closeAll(flood);
      long closed = System.nanoTime();

      Optional<HttpResponse<String>> health = awaitAnswer(server, "/health", Duration.ofSeconds(60));
      double seconds = (System.nanoTime() - closed) / 1e9;

      System.out.printf(
          "descriptor exhaustion: %d sockets opened and closed under ulimit -n %d: serving again: %s, after %.1f s%n",
          flood.size(), DESCRIPTORS, health.isPresent() ? "yes" : "no", seconds);
      assertThat(flood).as("sockets the test opened").hasSize(SOCKETS);
      assertThat(health).as("GET /health within 60 s of the sockets closing").isPresent();
      assertThat(health.get().statusCode()).isEqualTo(200);
      assertThat(server.output()).doesNotContain("server socket is terminating", "Too many open files");
    }
  }

  /**
   * Runs outlive their requests (async) against a provider answering after 4 s: more runs in
   * flight than the process has descriptors. Their provider connections stay under
   * MAX_PROVIDER_CONNECTIONS (a quarter of the limit), so the API listener always has descriptors.
   */
  @Test
  void moreRunsInFlightThanDescriptorsWaitForProviderConnectionsAndTheApiKeepsServing() throws Exception {
    fake.delay(Duration.ofSeconds(4));
    int descriptors = 512;
    int runs = 1_000;
    try (ServerProcess server = ServerProcess.startWithDescriptorLimit(descriptors, env, dir.resolve("server.log"))) {
      List<String> accepted = new ArrayList<>();
      try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        for (int n = 0; n < runs; n++) {
          String body = "{\"message\": \"run " + n + "\"}";
          sent.add(clients.submit(() -> server.post("/run", "application/json", body, Map.of("Prefer", "respond-async"))));
        }
        for (Future<HttpResponse<String>> answer : sent) {
          HttpResponse<String> response = answer.get();
          assertThat(response.statusCode()).as("POST /run: %.300s", response.body()).isEqualTo(202);
          accepted.add(json(response).get("job_id").asText());
        }
      }
      // new connections while the runs wait: the listener accepts them
      Optional<HttpResponse<String>> health = awaitAnswer(server, "/health", Duration.ofSeconds(10));
      long completed = 0;
      for (String id : accepted) {
        completed += server.awaitFinished(id, Duration.ofMinutes(2)).get("status").asText().equals("completed") ? 1 : 0;
      }

      System.out.printf("runs in flight past the descriptors: %d async runs under ulimit -n %d, %d completed, "
          + "at most %d provider requests at once%n", runs, descriptors, completed, fake.mostRequestsAtOnce());
      assertThat(health).as("GET /health while the runs wait").isPresent();
      assertThat(completed).isEqualTo(runs);
      assertThat(fake.requests()).as("provider requests").isEqualTo(runs);
      assertThat(fake.mostRequestsAtOnce()).as("provider connections at once").isLessThanOrEqualTo(descriptors / 4);
      assertThat(server.output()).doesNotContain("server socket is terminating", "Too many open files");
    }
  }

  /**
   * A cap set above the descriptor limit lets the listener run out of descriptors, which stops it
   * for good: the process must then exit (code 3) so that its restart policy starts it again,
   * rather than stay alive without an API.
   */
  @Test
  void aProcessWhoseApiListenerStoppedExitsSoThatItIsRestarted() throws Exception {
    env.put("MAX_CONNECTIONS", "5000");
    try (ServerProcess server = ServerProcess.startWithDescriptorLimit(DESCRIPTORS, env, dir.resolve("server.log"))) {
      List<Socket> flood = openWhileAccepted(server.port(), SOCKETS);
      int exit = server.awaitExit(Duration.ofSeconds(30));
      closeAll(flood);

      assertThat(exit).isEqualTo(3);
      assertThat(server.output()).contains("FATAL: the API listener failed");
    }
  }

  @Test
  void readinessReportsTheConnectionCapWhileEveryConnectionIsTaken() throws Exception {
    env.put("MAX_CONNECTIONS", "20");
    try (ServerProcess server = ServerProcess.start(env, dir.resolve("server.log"))) {
      // 19 idle connections; the readiness request holds the 20th
      List<Socket> idle = open(server.port(), 19);
      HttpResponse<String> full = awaitAnswer(server, "/observe/health/ready", Duration.ofSeconds(10)).orElseThrow();
      closeAll(idle);
      HttpResponse<String> free = awaitReady(server);

      assertThat(full.statusCode()).isEqualTo(503);
      assertThat(json(full).at("/checks/0/data/reason").asText())
          .isEqualTo("all 20 connections the server accepts (MAX_CONNECTIONS) are taken; further clients wait");
      assertThat(json(full).at("/checks/0/data/connections").asInt()).isEqualTo(20);
      assertThat(free.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void connectionsIdleAfterARequestOrSilentFromTheStartAreClosedAfterTheIdleTimeout() throws Exception {
    env.put("IDLE_TIMEOUT", "2");
    try (ServerProcess server = ServerProcess.start(env, dir.resolve("server.log"));
        Socket afterRequest = connect(server.port());
        Socket silent = connect(server.port())) {
      OutputStream out = afterRequest.getOutputStream();
      out.write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      long start = System.nanoTime();

      String answer = readUntilClosed(afterRequest.getInputStream());
      double afterRequestSeconds = (System.nanoTime() - start) / 1e9;
      String nothing = readUntilClosed(silent.getInputStream());
      double silentSeconds = (System.nanoTime() - start) / 1e9;

      assertThat(answer).startsWith("HTTP/1.1 200");
      assertThat(afterRequestSeconds).as("seconds until the server closed the idle connection").isBetween(1.5, 15.0);
      assertThat(nothing).isEmpty();
      assertThat(silentSeconds).as("seconds until the server closed the silent connection").isLessThan(15.0);
    }
  }

  private static Socket connect(int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
    socket.setSoTimeout(30_000);
    return socket;
  }

  private static List<Socket> open(int port, int count) throws IOException {
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sockets.add(connect(port));
    }
    return sockets;
  }

  /** Opens up to {@code count} sockets, fewer when the server stops accepting them. */
  private static List<Socket> openWhileAccepted(int port, int count) throws IOException {
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(connect(port));
      }
    } catch (IOException stopped) {
      // refused or timed out: the listener is gone
    }
    return sockets;
  }

  private static void closeAll(List<Socket> sockets) throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  /** The first answer to GET {@code path}, asking again while the server refuses or stays silent. */
  private static Optional<HttpResponse<String>> awaitAnswer(ServerProcess server, String path, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpRequest request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(2)).build();
        return Optional.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    return Optional.empty();
  }

  private static HttpResponse<String> awaitReady(ServerProcess server) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    HttpResponse<String> last = null;
    while (System.nanoTime() < deadline) {
      last = awaitAnswer(server, "/observe/health/ready", Duration.ofSeconds(5)).orElse(last);
      if (last != null && last.statusCode() == 200) {
        return last;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not ready within 30 s: " + (last == null ? "no answer" : last.body()));
  }

  private static String readUntilClosed(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
  }
}
