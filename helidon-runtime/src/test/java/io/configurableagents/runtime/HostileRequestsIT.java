package io.configurableagents.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests no well-behaved client sends, on raw sockets, against the packaged jar (issue 11): each
 * gets one answer in the API's error shape, never a 5xx, the connection closes when it should, and
 * clients that go away cost no stack traces in the log.
 */
class HostileRequestsIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final List<String> INTERNALS = List.of("Exception", "`", "Feature", "jackson", "see server log");

  private static Path dir;
  private static FakeOpenAi fake;
  private static ServerProcess server;
  private static int tracesPort;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("hostile-requests");
    fake = FakeOpenAi.start(Duration.ZERO);
    Map<String, String> env = EchoWorkflow.environment(EchoWorkflow.write(dir, fake), dir.resolve("data"));
    tracesPort = freePort();
    env.put("TRACES_PORT", String.valueOf(tracesPort));
    server = ServerProcess.start(env, dir.resolve("server.log"));
    // the first run of a cold JVM makes the provider client
    assertThat(server.post("/run", "application/json", "{\"message\": \"warm-up\"}").statusCode()).isEqualTo(200);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    fake.close();
  }

  @Test
  void chunkedFramingErrorsAnswer400OnceAndCloseTheConnection() {
    for (String chunkSize : List.of("zz", "fffffffffffffffffffff", "10;ext=1")) {
      for (String connection : List.of("Connection: close\r\n", "")) {
        RawHttp exchange = RawHttp.exchange(server.port(), chunked(chunkSize, connection), WAIT);

        String what = "chunk size " + chunkSize + (connection.isEmpty() ? "" : " with Connection: close");
        assertThat(exchange.status()).as(what).isEqualTo(400);
        assertThat(exchange.answers()).as(what + ": answers on the connection").isEqualTo(1);
        assertThat(exchange.closed()).as(what + ": connection closed").isTrue();
        assertThat(exchange.elapsed()).as(what).isLessThan(Duration.ofSeconds(5));
        assertThat(exchange.json().at("/error/type").asText()).isEqualTo("malformed_body");
      }
    }
  }

  @Test
  void aChunkLargerThanTheBodyLimitIsRefusedBeforeItIsRead() {
    RawHttp exchange = RawHttp.exchange(server.port(), chunked("7ffffff0", ""), WAIT);

    assertThat(exchange.status()).isEqualTo(413);
    assertThat(exchange.answers()).isEqualTo(1);
    assertThat(exchange.closed()).isTrue();
    assertThat(exchange.json().at("/error/type").asText()).isEqualTo("body_too_large");
  }

  @Test
  void connectionCloseClosesTheConnectionOnceTheAnswerIsSent() {
    List<RawHttp> exchanges =
        List.of(
            RawHttp.exchange(server.port(), "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", WAIT),
            RawHttp.exchange(server.port(), RawHttp.postRun("{\"message\": \"bye\"}".getBytes(StandardCharsets.UTF_8), "application/json"), WAIT),
            RawHttp.exchange(tracesPort, "GET /api/runs HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", WAIT));

    for (RawHttp exchange : exchanges) {
      assertThat(exchange.status()).isEqualTo(200);
      assertThat(exchange.header("Connection")).isEqualTo("close");
      assertThat(exchange.closed()).as("closed after the answer: " + exchange.raw()).isTrue();
      assertThat(exchange.elapsed()).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void requestsHelidonRejectsAreAnsweredInTheErrorShape() {
    assertErrorShape(server.port(), "GARBAGE\r\n\r\n", 400, "bad_request");
    assertErrorShape(server.port(), "G(T / HTTP/1.1\r\nHost: localhost\r\n\r\n", 400, "bad_request");
    assertErrorShape(server.port(), "GET / HTTP/1.1\r\n\r\n", 400, "bad_request");
    assertErrorShape(server.port(), "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n", 400, "bad_request");
    assertErrorShape(
        server.port(), "POST /run HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400, "bad_request");
    assertErrorShape(server.port(), "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", 414, "uri_too_long");
    assertErrorShape(server.port(), "GET / HTTP/1.0\r\n\r\n", 505, "http_version_not_supported");
    assertErrorShape(
        server.port(), "POST /run HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 99999999\r\n\r\n", 413, "body_too_large");
    assertErrorShape(tracesPort, "GET /nowhere HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 404, "not_found");
    assertErrorShape(tracesPort, "DELETE /api/runs HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 404, "not_found");
    assertErrorShape(tracesPort, "GET /api/runs/no-such-job HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 404, "not_found");
    assertErrorShape(tracesPort, "GET /api/runs?status=bogus HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 400, "invalid_status");
    assertErrorShape(tracesPort, "GET /assets/nothing.js HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 404, "not_found");
  }

  @Test
  void aBodyThatLooksLikeUtf32Answers400() {
    byte[] body = {0, 0, 0, '{', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

    RawHttp exchange = post(body);

    assertThat(exchange.status()).isEqualTo(400);
    assertThat(exchange.json().at("/error/message").asText()).contains("not UTF-8");
  }

  private static RawHttp post(byte[] body) {
    return RawHttp.exchange(server.port(), RawHttp.postRun(body, "application/json"), WAIT);
  }

  @Test
  void theJsonParsersLimitsAreNamedInWordsOfJson() {
    RawHttp deep = post(("[".repeat(1_200) + "]".repeat(1_200)).getBytes(StandardCharsets.US_ASCII));
    RawHttp longNumber = post(("{\"message\": " + "1".repeat(1_100) + "}").getBytes(StandardCharsets.US_ASCII));

    assertThat(deep.status()).isEqualTo(400);
    assertThat(deep.json().at("/error/message").asText())
        .isEqualTo("the body is not valid JSON: Document nesting depth (1001) exceeds the maximum allowed (1000)");
    assertThat(longNumber.status()).isEqualTo(400);
    assertThat(longNumber.json().at("/error/message").asText())
        .startsWith("the body is not valid JSON: Number value length (1100) exceeds the maximum allowed (1000)");
  }

  @Test
  void clientsThatGoAwayCostAtMostOneLogLineEach() throws Exception {
    int before = server.output().split("\n").length;
    int drops = 0;
    fake.delay(Duration.ofMillis(800));
    try {
      for (int i = 0; i < 10; i++) {
        dropAfter("POST /run HTTP/1.1\r\nHost: localhost\r\nContent-Type: app", false);
        dropAfter("POST /run HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"mess", false);
        dropAfter("POST /run HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"mess", true);
        dropAfter("POST /run HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n{\"mes", true);
        dropAfter(new String(RawHttp.postRun("{\"message\": \"gone\"}".getBytes(StandardCharsets.UTF_8), "application/json"), StandardCharsets.ISO_8859_1), true);
        drops += 5;
      }
      Thread.sleep(2_000);
    } finally {
      fake.delay(Duration.ZERO);
    }

    int lines = server.output().split("\n").length - before;
    System.out.printf("dropped connections: %d, log lines they caused: %d%n", drops, lines);
    assertThat(lines).as("log lines for " + drops + " dropped connections:\n" + server.output()).isLessThanOrEqualTo(drops);
    assertThat(server.output()).doesNotContain("\tat ");
  }

  /** Sends {@code partial}, waits a little, and closes (with a reset when {@code reset}). */
  private static void dropAfter(String partial, boolean reset) throws IOException, InterruptedException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
      socket.getOutputStream().write(partial.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      Thread.sleep(200);
      if (reset) {
        socket.setSoLinger(true, 0);
      }
    }
  }

  private static void assertErrorShape(int port, String request, int status, String type) {
    RawHttp exchange = RawHttp.exchange(port, request, WAIT);
    String what = request.substring(0, Math.min(40, request.length())).replace("\r\n", " ");

    assertThat(exchange.status()).as(what + "\n" + exchange.raw()).isEqualTo(status);
    assertThat(exchange.answers()).as(what).isEqualTo(1);
    assertThat(exchange.header("Content-Type")).as(what).startsWith("application/json");
    assertThat(exchange.json().get("status").asText()).as(what).isEqualTo("error");
    JsonNode error = exchange.json().get("error");
    assertThat(error.get("type").asText()).as(what).isEqualTo(type);
    assertThat(error.get("message").asText()).as(what).isNotBlank().doesNotContain(INTERNALS);
  }

  private static String chunked(String chunkSize, String connection) {
    return "POST /run HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n" + connection
        + "\r\n" + chunkSize + "\r\n{\"message\":\"hi\"}\r\n0\r\n\r\n";
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
