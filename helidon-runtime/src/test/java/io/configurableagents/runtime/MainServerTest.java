package io.configurableagents.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.configurableagents.runtime.jobs.ScriptedRunner;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The wiring of {@link Main} on a real socket: routes, limits and Helidon's health checks. */
@ServerTest
class MainServerTest {
  private static final ScriptedRunner RUNNER = new ScriptedRunner();
  private final Http1Client client;

  MainServerTest(Http1Client client) {
    this.client = client;
  }

  @SetUpServer
  static void server(WebServerConfig.Builder server) throws IOException {
    RuntimeConfig config =
        RuntimeConfig.fromEnvironment(
            Map.of("PORT", "0", "DATA_DIR", Files.createTempDirectory("main-server").toString(), "MAX_BODY_BYTES", "1000"));
    Main.server(server, config, Application.start(config, RUNNER, "{}", "{}\n"));
  }

  @AfterEach
  void reset() {
    RUNNER.reset();
  }

  @Test
  void runsOverARealConnection() {
    ApiResponse response =
        ApiResponse.of(client.post("/run").contentType(MediaTypes.APPLICATION_JSON).submit("{\"message\": \"over tcp\"}"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().at("/outputs/result").asText()).isEqualTo("over tcp");
  }

  @Test
  void aDeclaredLengthOverTheLimitAnswers413AsJson() {
    ApiResponse response =
        ApiResponse.of(client.post("/run").contentType(MediaTypes.APPLICATION_JSON).submit("{\"message\": \"" + "x".repeat(2_000) + "\"}"));

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.json().at("/error/type").asText()).isEqualTo("body_too_large");
  }

  @Test
  void readinessIsUpWhenEveryProviderKeyIsSet() {
    ApiResponse ready = ApiResponse.of(client.get("/observe/health/ready").request());
    ApiResponse live = ApiResponse.of(client.get("/observe/health/live").request());

    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("status").asText()).isEqualTo("UP");
    assertThat(live.status()).isEqualTo(200);
  }

  @Test
  void readinessIsDownWithTheReasonWhileAProviderKeyIsMissing() {
    RUNNER.missing("OPENAI_API_KEY");

    ApiResponse ready = ApiResponse.of(client.get("/observe/health/ready").request());
    ApiResponse live = ApiResponse.of(client.get("/observe/health/live").request());

    assertThat(ready.status()).isEqualTo(503);
    JsonNode check = ready.json().at("/checks/0");
    assertThat(check.get("name").asText()).isEqualTo("workflow");
    assertThat(check.at("/data/reason").asText())
        .isEqualTo("missing environment variable OPENAI_API_KEY: set it (e.g. in the --env-file) and restart");
    assertThat(live.status()).isEqualTo(200);
  }
}
