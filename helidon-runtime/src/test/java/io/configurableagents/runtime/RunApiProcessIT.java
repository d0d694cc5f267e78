package io.configurableagents.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.configurableagents.runtime.jobs.JobJson;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run API of the packaged jar, over real HTTP, with a fake OpenAI-compatible provider. */
class RunApiProcessIT {
  private static final String JSON = "application/json";

  @TempDir Path dir;
  private FakeOpenAi fake;
  private ServerProcess server;

  @BeforeEach
  void start() throws Exception {
    fake = FakeOpenAi.start(Duration.ZERO);
    Map<String, String> env = EchoWorkflow.environment(EchoWorkflow.write(dir, fake), dir.resolve("data"));
    env.put("SYNC_TIMEOUT", "1");
    env.put("MAX_BODY_BYTES", "4096");
    server = ServerProcess.start(env, dir.resolve("server.log"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    fake.close();
  }

  @Test
  void aQuickRunAnswers200WithTheOutputs() throws Exception {
    // this server's SYNC_TIMEOUT is 1 s (for the hand-off test); a first run in a cold JVM may take longer
    HttpResponse<String> response = server.post("/run?wait=30", JSON, "{\"message\": \"hello there\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("status").asText()).isEqualTo("success");
    assertThat(body.at("/outputs/message").asText()).isEqualTo("hello there");
    assertThat(body.at("/outputs/result").asText()).isEqualTo("hello there");
    assertThat(fake.requests()).isEqualTo(1);
  }

  @Test
  void requestErrorsAnswerWithTheirStatusAndAClearBody() throws Exception {
    HttpResponse<String> invalid = server.post("/run", JSON, "{\"messages\": \"typo\"}");
    HttpResponse<String> malformed = server.post("/run", JSON, "{\"message\": \"hi\"");
    HttpResponse<String> tooLarge = server.post("/run", JSON, "{\"message\": \"" + "x".repeat(5_000) + "\"}");
    HttpResponse<String> notJson = server.post("/run", "application/x-www-form-urlencoded", "message=hi");

    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(json(invalid).at("/problems/0/field").asText()).isEqualTo("message");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(json(malformed).at("/error/message").asText()).contains("line 1, column");
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(json(tooLarge).at("/error/type").asText()).isEqualTo("body_too_large");
    assertThat(notJson.statusCode()).isEqualTo(415);
    assertThat(json(notJson).at("/error/message").asText()).contains("Content-Type: application/json");
    assertThat(fake.requests()).isZero();
  }

  @Test
  void aProviderFailureAnswers502NamingTheNodeWithoutTheKeyOrATrace() throws Exception {
    fake.failWith(401);

    HttpResponse<String> response = server.post("/run?wait=30", JSON, "{\"message\": \"hi\"}");

    assertThat(response.statusCode()).isEqualTo(502);
    JsonNode body = json(response);
    assertThat(body.get("status").asText()).isEqualTo("failed");
    assertThat(body.at("/error/node").asText()).isEqualTo("echo");
    assertThat(body.at("/error/message").asText()).contains("401");
    assertThat(response.body()).doesNotContain("sk-test-not-a-real-key", "Exception", "\tat ");
    assertThat(server.output()).doesNotContain("sk-test-not-a-real-key");
  }

  @Test
  void aRunSlowerThanTheSyncTimeoutIsHandedOverAndRunsExactlyOnce() throws Exception {
    fake.delay(Duration.ofMillis(2_500));

    HttpResponse<String> response = server.post("/run", JSON, "{\"message\": \"slow one\"}");

    assertThat(response.statusCode()).isEqualTo(202);
    String id = json(response).get("job_id").asText();
    assertThat(response.headers().firstValue("Location")).contains("/status/" + id);
    JsonNode finished = server.awaitFinished(id, Duration.ofSeconds(30));
    assertThat(finished.get("status").asText()).isEqualTo("completed");
    assertThat(finished.at("/outputs/result").asText()).isEqualTo("slow one");
    Thread.sleep(3_000);
    assertThat(fake.requests()).as("provider requests for one run").isEqualTo(1);
  }

  @Test
  void deleteCancelsARunningJobAndAbandonsItsLlmCall() throws Exception {
    fake.delay(Duration.ofSeconds(30));
    String id = json(server.post("/run?wait=0", JSON, "{\"message\": \"never\"}")).get("job_id").asText();
    awaitProviderRequests(1);

    HttpResponse<String> cancelled = server.delete("/status/" + id);

    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(json(cancelled).get("status").asText()).isEqualTo("cancelled");
    Thread.sleep(500);
    assertThat(json(server.get("/status/" + id)).get("status").asText()).isEqualTo("cancelled");
    assertThat(fake.requests()).isEqualTo(1);
  }

  private void awaitProviderRequests(long count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (fake.requests() < count) {
      assertThat(System.nanoTime()).as("the provider got " + count + " request(s) within 30 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return JobJson.MAPPER.readTree(response.body());
  }
}
