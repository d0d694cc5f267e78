package io.configurableagents.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.configurableagents.runtime.jobs.JobJson;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API keys and the limits per caller, on the packaged jar over real HTTP (docs/runtime.md, "Security"). */
class ApiAccessIT {
  private static final String KEY_ONE = "k1-5f0c2e81b3a94d10a1b7";
  private static final String KEY_TWO = "k2-9d2f39a8ca6a3b361ede";
  private static final String FILE_KEY = "k3-from-the-file-47ba9d6e";
  private static final String RUN_BODY = "{\"message\": \"hello\"}";

  @TempDir Path dir;
  private FakeOpenAi fake;
  private ServerProcess server;

  @BeforeEach
  void startFake() {
    fake = FakeOpenAi.start(Duration.ZERO);
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    fake.close();
  }

  private ServerProcess start(Map<String, String> settings) throws Exception {
    Map<String, String> env = EchoWorkflow.environment(EchoWorkflow.write(dir, fake), dir.resolve("data"));
    env.putAll(settings);
    server = ServerProcess.start(env, dir.resolve("server.log"));
    return server;
  }

  @Test
  void withKeysEveryEndpointButHealthAnswers401WithAChallengeAndTheJsonErrorBody() throws Exception {
    Path keyFile = Files.writeString(dir.resolve("keys"), "# rotated 2026-12\n" + FILE_KEY + "\n\n");
    int tracesPort = freePort();
    start(Map.of("API_KEYS", KEY_ONE + ", " + KEY_TWO, "API_KEYS_FILE", keyFile.toString(),
        "TRACES_PORT", String.valueOf(tracesPort)));

    HttpResponse<String> none = run(List.of());
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(none.headers().allValues("WWW-Authenticate")).anySatisfy(v -> assertThat(v).startsWith("Bearer realm="))
        .anySatisfy(v -> assertThat(v).contains("Basic realm="));
    assertThat(json(none).at("/error/type").asText()).isEqualTo("unauthorized");
    assertThat(json(none).at("/error/message").asText()).contains("Authorization: Bearer <key>");

    HttpResponse<String> wrong = run(List.of("Authorization", "Bearer not-" + KEY_ONE));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().allValues("WWW-Authenticate")).anySatisfy(v -> assertThat(v).contains("error=\"invalid_token\""));
    assertThat(json(wrong).at("/error/message").asText()).contains("not one of this service's keys").doesNotContain(KEY_ONE);

    for (String path : List.of("/", "/status/some-job", "/schema", "/openapi", "/openapi.json", "/docs", "/docs/swagger-ui.css")) {
      assertThat(server.get(path).statusCode()).as(path).isEqualTo(401);
    }
    for (String path : List.of("/health", "/observe/health/live", "/observe/health/ready")) {
      assertThat(server.get(path).statusCode()).as(path).isEqualTo(200);
    }

    assertThat(run(List.of("Authorization", "Bearer " + KEY_TWO)).statusCode()).isEqualTo(200);
    assertThat(get(server.uri("/schema"), "Bearer " + FILE_KEY).statusCode()).isEqualTo(200);
    // what a browser sends once it asked for a user name and password: any name, the key as password
    assertThat(get(server.uri("/docs"), basic("anyone", KEY_ONE)).statusCode()).isEqualTo(200);

    URI traces = URI.create("http://127.0.0.1:" + tracesPort + "/api/runs");
    assertThat(get(traces, "").statusCode()).isEqualTo(401);
    assertThat(get(URI.create("http://127.0.0.1:" + tracesPort + "/"), "").statusCode()).isEqualTo(401);
    HttpResponse<String> runs = get(traces, "Bearer " + KEY_ONE);
    assertThat(runs.statusCode()).isEqualTo(200);
    assertThat(json(runs).get("total").asInt()).isEqualTo(1);

    assertThat(server.output()).contains("API: a key is required").doesNotContain(KEY_ONE).doesNotContain(KEY_TWO)
        .doesNotContain(FILE_KEY);
  }

  @Test
  void withoutKeysTheApiIsOpenAndTheStartUpLogSaysSo() throws Exception {
    start(Map.of());

    assertThat(run(List.of()).statusCode()).isEqualTo(200);
    assertThat(server.get("/schema").statusCode()).isEqualTo(200);
    assertThat(server.output()).contains("API: open, no key required");
  }

  @Test
  void overTheRateLimitAKeyGets429WithRetryAfterWhileAnotherKeyStillRuns() throws Exception {
    start(Map.of("API_KEYS", KEY_ONE + "," + KEY_TWO, "RATE_LIMIT", "0.2", "RATE_LIMIT_BURST", "2"));
    List<String> one = List.of("Authorization", "Bearer " + KEY_ONE, "Prefer", "respond-async");

    assertThat(run(one).statusCode()).isEqualTo(202);
    assertThat(run(one).statusCode()).isEqualTo(202);
    HttpResponse<String> limited = run(one);

    assertThat(limited.statusCode()).isEqualTo(429);
    long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 5L);
    assertThat(json(limited).at("/error/type").asText()).isEqualTo("rate_limited");
    assertThat(json(limited).at("/error/message").asText()).contains("this API key").contains("0.2 run(s) a second")
        .contains("retry after " + retryAfter + " s");
    assertThat(run(List.of("Authorization", "Bearer " + KEY_TWO, "Prefer", "respond-async")).statusCode()).isEqualTo(202);
    assertThat(server.output()).contains("API: at most 0.2 run(s) a second per API key, bursts of 2");
  }

  @Test
  void aKeyAtItsCapOfRunsInFlightGets429UntilOneEnds() throws Exception {
    fake.delay(Duration.ofSeconds(3));
    start(Map.of("API_KEYS", KEY_ONE + "," + KEY_TWO, "MAX_RUNS_IN_FLIGHT_PER_KEY", "1"));
    List<String> one = List.of("Authorization", "Bearer " + KEY_ONE, "Prefer", "respond-async");

    HttpResponse<String> first = run(one);
    assertThat(first.statusCode()).isEqualTo(202);
    HttpResponse<String> second = run(one);
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(json(second).at("/error/type").asText()).isEqualTo("too_many_runs_in_flight");
    assertThat(run(List.of("Authorization", "Bearer " + KEY_TWO, "Prefer", "respond-async")).statusCode()).isEqualTo(202);

    String status = "/status/" + json(first).get("job_id").asText();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!json(get(server.uri(status), "Bearer " + KEY_ONE)).get("status").asText().equals("completed")) {
      assertThat(System.nanoTime()).as("the first run ends").isLessThan(deadline);
      Thread.sleep(100);
    }
    assertThat(run(one).statusCode()).isEqualTo(202);
  }

  @Test
  void withoutKeysTheRateLimitCountsPerClientAddress() throws Exception {
    start(Map.of("RATE_LIMIT", "0.1", "RATE_LIMIT_BURST", "1"));

    assertThat(run(List.of("Prefer", "respond-async")).statusCode()).isEqualTo(202);
    HttpResponse<String> limited = run(List.of("Prefer", "respond-async"));

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(json(limited).at("/error/message").asText()).contains("this client address");
    assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 10L));
  }

  private HttpResponse<String> run(List<String> headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder()
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(RUN_BODY, StandardCharsets.UTF_8));
    for (int i = 0; i < headers.size(); i += 2) {
      request.header(headers.get(i), headers.get(i + 1));
    }
    return server.send("/run?wait=30", request);
  }

  private static HttpResponse<String> get(URI uri, String authorization) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if (!authorization.isEmpty()) {
      request.header("Authorization", authorization);
    }
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return JobJson.MAPPER.readTree(response.body());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
