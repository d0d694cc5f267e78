package io.configurableagents.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.configurableagents.runtime.http.OpenApiTexts;
import io.configurableagents.runtime.jobs.JobError;
import io.configurableagents.runtime.jobs.JobState;
import io.configurableagents.runtime.jobs.ScriptedRunner;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every handler of the run API and every error mapping, through the routing of {@link Main}, without a socket. */
@RoutingTest
class RunApiRoutingTest {
  private static final ScriptedRunner RUNNER = new ScriptedRunner();
  private final DirectClient client;

  RunApiRoutingTest(DirectClient client) {
    this.client = client;
  }

  @SetUpRoute
  static void routing(HttpRouting.Builder routing) throws IOException {
    RuntimeConfig config =
        RuntimeConfig.fromEnvironment(
            Map.of(
                "DATA_DIR", Files.createTempDirectory("run-api-routing").toString(),
                "MAX_BODY_BYTES", "256",
                "SYNC_TIMEOUT", "5",
                "MAX_WAIT", "10"));
    Main.routing(routing, Application.start(config, RUNNER, OpenApiTexts.fixed("{\"openapi\":\"3.1.0\"}", "openapi: 3.1.0\n")));
  }

  @AfterEach
  void reset() {
    RUNNER.reset();
  }

  @Test
  void aQuickRunAnswers200WithItsOutputs() {
    ApiResponse response = post("{\"message\": \"hello\"}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode body = response.json();
    assertThat(body.get("status").asText()).isEqualTo("success");
    assertThat(body.get("job_id").asText()).isNotBlank();
    assertThat(body.get("execution_time_ms").isIntegralNumber()).isTrue();
    assertThat(body.get("outputs").toString()).isEqualTo("{\"message\":\"hello\",\"result\":\"hello\"}");
    assertThat(status(body.get("job_id").asText()).json().get("status").asText()).isEqualTo("completed");
  }

  @Test
  void invalidInputsAnswer422ListingEveryProblemByField() {
    ApiResponse response = post("{\"message\": 7}");

    assertThat(response.status()).isEqualTo(422);
    JsonNode body = response.json();
    assertThat(body.at("/error/type").asText()).isEqualTo("invalid_inputs");
    assertThat(body.at("/problems/0/field").asText()).isEqualTo("message");
    assertThat(body.at("/problems/0/message").asText()).isEqualTo("expected str, got int 7 (write it in quotes to pass it as text)");
  }

  @Test
  void malformedJsonAnswers400WithThePosition() {
    ApiResponse response = post("{\"message\": \"hi\",\n  oops}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().at("/error/type").asText()).isEqualTo("malformed_json");
    assertThat(response.json().at("/error/message").asText()).startsWith("the body is not valid JSON: ").isEqualTo("the body is not valid JSON: Unexpected character ('o' (code 111)): was expecting double-quote to start field name at line 2, column 3");
  }

  @Test
  void aBodyInUtf16OrUtf32Answers400AskingForUtf8() {
    byte[] utf32Looking = {0, 0, 0, '{', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    byte[] utf16 = "{\"message\": \"hi\"}".getBytes(StandardCharsets.UTF_16);

    for (byte[] body : List.of(utf32Looking, utf16)) {
      ApiResponse response = ApiResponse.of(jsonPost("/run").submit(body));

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().at("/error/type").asText()).isEqualTo("malformed_json");
      assertThat(response.json().at("/error/message").asText()).contains("not UTF-8", "RFC 8259");
    }
    assertThat(post("\uFEFF{\"message\": \"a UTF-8 byte order mark is skipped\"}").status()).isEqualTo(200);
  }

  @Test
  void contentAfterTheObjectAndDuplicatePropertiesAnswer400() {
    ApiResponse trailing = post("{\"message\": \"hi\"} {\"message\": \"again\"}");
    ApiResponse garbage = post("{\"message\": \"hi\"}xyz");
    ApiResponse duplicate = post("{\"message\": \"hi\", \"message\": \"other\"}");

    assertThat(trailing.status()).isEqualTo(400);
    assertThat(trailing.json().at("/error/message").asText())
        .isEqualTo("the body is not valid JSON: there is more after the JSON value at line 1, column 19; send exactly one JSON object");
    assertThat(garbage.status()).isEqualTo(400);
    assertThat(duplicate.status()).isEqualTo(400);
    assertThat(duplicate.json().at("/error/message").asText()).isEqualTo("the body is not valid JSON: Duplicate field 'message' at line 1, column 28");
  }

  @Test
  void malformedJsonMessagesNameNoParserInternals() {
    List<String> bodies =
        List.of(
            "{\"message\": NaN}",
            "{\"message\": \"hi\" /* note */}",
            "{\"message\": \"hi\"",
            "{'message': 'hi'}");

    for (String body : bodies) {
      ApiResponse response = post(body);

      assertThat(response.status()).as(body).isEqualTo(400);
      assertThat(response.json().at("/error/message").asText())
          .as(body)
          .startsWith("the body is not valid JSON: ")
          .doesNotContain("`", "Feature", "StreamReadConstraints", "jackson", "REDACTED");
    }
  }

  @Test
  void mediaTypesCompareWithoutCaseAndOnlyUtf8IsAccepted() {
    ApiResponse upper =
        ApiResponse.of(client.post("/run").header(HeaderNames.CONTENT_TYPE, "APPLICATION/JSON").submit("{\"message\": \"hi\"}"));
    ApiResponse utf8 =
        ApiResponse.of(
            client.post("/run").header(HeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8").submit("{\"message\": \"hi\"}"));
    ApiResponse latin1 =
        ApiResponse.of(
            client.post("/run").header(HeaderNames.CONTENT_TYPE, "application/json; charset=ISO-8859-1").submit("{\"message\": \"hi\"}"));

    assertThat(upper.status()).isEqualTo(200);
    assertThat(utf8.status()).isEqualTo(200);
    assertThat(latin1.status()).isEqualTo(415);
    assertThat(latin1.json().at("/error/message").asText())
        .isEqualTo("send the inputs as UTF-8 JSON (RFC 8259): charset=ISO-8859-1 is not accepted");
  }

  @Test
  void anUnknownEndpointAnswers404InTheErrorShape() {
    ApiResponse response = ApiResponse.of(client.get("/nowhere").request());

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().at("/error/type").asText()).isEqualTo("not_found");
    assertThat(response.json().at("/error/message").asText()).isEqualTo("no endpoint answers GET /nowhere");
  }

  @Test
  void aBodyThatIsNotAnObjectAnswers400() {
    ApiResponse response = post("[\"hello\"]");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().at("/error/message").asText())
        .isEqualTo("the body must be a JSON object of inputs by field name, not an array");
  }

  @Test
  void anEmptyBodyAnswers400() {
    assertThat(post("").json().at("/error/type").asText()).isEqualTo("empty_body");
  }

  @Test
  void aBodyThatIsNotJsonAnswers415() {
    ApiResponse response =
        ApiResponse.of(client.post("/run").contentType(MediaTypes.TEXT_PLAIN).submit("message=hello"));

    assertThat(response.status()).isEqualTo(415);
    assertThat(response.json().at("/error/message").asText())
        .isEqualTo("send the inputs as JSON with Content-Type: application/json (got \"text/plain\")");
  }

  @Test
  void aBodyOverTheLimitAnswers413() {
    ApiResponse response = post("{\"message\": \"" + "x".repeat(300) + "\"}");

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.json().at("/error/type").asText()).isEqualTo("body_too_large");
    assertThat(response.json().at("/error/message").asText()).contains("256 bytes", "MAX_BODY_BYTES");
  }

  @Test
  void aSlowRunIsHandedOverWith202AndTheSameExecutionFinishes() throws InterruptedException {
    RUNNER.holding();
    int runsBefore = RUNNER.runs();

    ApiResponse response = ApiResponse.of(jsonPost("/run").queryParam("wait", "0.2").submit("{\"message\": \"slow\"}"));

    assertThat(response.status()).isEqualTo(202);
    JsonNode body = response.json();
    String id = body.get("job_id").asText();
    assertThat(body.get("status").asText()).isEqualTo("async");
    assertThat(body.get("message").asText()).contains("0.2 s", "/status/" + id);
    assertThat(response.location()).contains("/status/" + id);
    assertThat(status(id).json().get("status").asText()).isEqualTo("running");

    RUNNER.release();
    JsonNode finished = awaitFinished(id);
    assertThat(finished.get("status").asText()).isEqualTo("completed");
    assertThat(finished.at("/outputs/result").asText()).isEqualTo("slow");
    assertThat(RUNNER.runs() - runsBefore).isEqualTo(1);
  }

  @Test
  void preferRespondAsyncAnswers202AtOnce() {
    RUNNER.holding();
    ApiResponse response =
        ApiResponse.of(jsonPost("/run").header(HeaderNames.create("Prefer"), "respond-async").submit("{\"message\": \"x\"}"));

    assertThat(response.status()).isEqualTo(202);
    assertThat(response.json().get("message").asText()).startsWith("The run was accepted and goes on in the background.");
  }

  @Test
  void preferWaitSetsTheWaitLikeTheQueryParameter() {
    RUNNER.holding();
    ApiResponse response =
        ApiResponse.of(jsonPost("/run").header(HeaderNames.create("Prefer"), "wait=0.1").submit("{\"message\": \"x\"}"));

    assertThat(response.status()).isEqualTo(202);
    assertThat(response.json().get("message").asText()).startsWith("The run takes longer than 0.1 s");
  }

  @Test
  void aWaitOutsideTheAllowedRangeAnswers400() {
    ApiResponse tooLong = ApiResponse.of(jsonPost("/run").queryParam("wait", "11").submit("{\"message\": \"x\"}"));
    ApiResponse notANumber = ApiResponse.of(jsonPost("/run").queryParam("wait", "soon").submit("{\"message\": \"x\"}"));

    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().at("/error/message").asText())
        .isEqualTo("wait=\"11\" is not a number of seconds from 0 to 10 (the server's MAX_WAIT)");
    assertThat(notANumber.status()).isEqualTo(400);
  }

  @Test
  void aProviderFailureAnswers502WithTheErrorButNoTrace() {
    RUNNER.answering(state -> new JobState.Failed(
        new JobError("provider_error", Optional.of("echo"), "openai/gpt-4o-mini answered HTTP 500: overloaded", true)));

    ApiResponse response = post("{\"message\": \"hi\"}");

    assertThat(response.status()).isEqualTo(502);
    JsonNode body = response.json();
    assertThat(body.get("status").asText()).isEqualTo("failed");
    assertThat(body.get("error").toString())
        .isEqualTo("{\"type\":\"provider_error\",\"node\":\"echo\",\"message\":\"openai/gpt-4o-mini answered HTTP 500: overloaded\"}");
  }

  @Test
  void anyOtherFailureAnswers500() {
    RUNNER.answering(state -> new JobState.Failed(new JobError("step_limit", Optional.of("loop"), "step limit of 100 reached", false)));

    ApiResponse response = post("{\"message\": \"hi\"}");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.json().at("/error/type").asText()).isEqualTo("step_limit");
  }

  @Test
  void anUnexpectedExceptionAnswers500WithoutItsMessage() {
    RUNNER.answering(state -> {
      throw new IllegalStateException("sk-live-secret exploded");
    });

    ApiResponse response = post("{\"message\": \"hi\"}");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.body()).doesNotContain("sk-live-secret", "IllegalStateException", "at io.");
  }

  @Test
  void statusOfAnUnknownJobAnswers404() {
    ApiResponse response = status("nope");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().at("/error/message").asText())
        .isEqualTo("no job with id \"nope\" (it never existed or retention removed it)");
  }

  @Test
  void statusShowsEveryFieldOfTheTable() {
    String id = post("{\"message\": \"hi\"}").json().get("job_id").asText();

    JsonNode body = status(id).json();

    assertThat(body.fieldNames()).toIterable().containsExactly(
        "job_id", "status", "created_at", "started_at", "completed_at", "execution_time_ms", "outputs", "error");
    assertThat(body.get("error").isNull()).isTrue();
  }

  @Test
  void deleteCancelsARunningJob() throws InterruptedException {
    RUNNER.holding();
    String id = ApiResponse.of(jsonPost("/run").queryParam("wait", "0").submit("{\"message\": \"x\"}")).json().get("job_id").asText();

    ApiResponse cancelled = ApiResponse.of(client.delete("/status/" + id).request());

    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");
    assertThat(awaitFinished(id).get("status").asText()).isEqualTo("cancelled");
  }

  @Test
  void deleteOfAFinishedJobAnswers409AndOfAnUnknownOne404() {
    String id = post("{\"message\": \"hi\"}").json().get("job_id").asText();

    ApiResponse finished = ApiResponse.of(client.delete("/status/" + id).request());
    ApiResponse unknown = ApiResponse.of(client.delete("/status/nope").request());

    assertThat(finished.status()).isEqualTo(409);
    assertThat(finished.json().at("/error/message").asText())
        .isEqualTo("job " + id + " is already completed; only pending or running jobs can be cancelled");
    assertThat(unknown.status()).isEqualTo(404);
  }

  @Test
  void healthAnswersHealthyWithATimestamp() {
    JsonNode body = ApiResponse.of(client.get("/health").request()).json();

    assertThat(body.get("status").asText()).isEqualTo("healthy");
    assertThat(java.time.Instant.parse(body.get("timestamp").asText())).isNotNull();
  }

  @Test
  void rootNamesTheWorkflowAndTheEndpoints() {
    JsonNode body = ApiResponse.of(client.get("/").request()).json();

    assertThat(body.get("workflow").asText()).isEqualTo("echo");
    assertThat(body.get("description").asText()).isEqualTo("Minimal echo workflow");
    assertThat(body.at("/endpoints/run").asText()).isEqualTo("POST /run");
    assertThat(body.at("/endpoints/docs").asText()).isEqualTo("GET /docs");
  }

  @Test
  void schemaShowsTheInputsAsThePythonToolDidPlusJsonSchemas() {
    JsonNode body = ApiResponse.of(client.get("/schema").request()).json();

    assertThat(body.get("workflow").asText()).isEqualTo("echo");
    assertThat(body.at("/inputs/message").toString())
        .isEqualTo("{\"type\":\"str\",\"required\":true,\"default\":null,\"description\":\"The message to echo back\"}");
    assertThat(body.at("/inputs/result/default").asText()).isEqualTo("");
    assertThat(body.get("outputs").toString()).isEqualTo("[\"message\",\"result\"]");
    assertThat(body.at("/input_schema/required").toString()).isEqualTo("[\"message\"]");
    assertThat(body.at("/output_schema/properties/result/type").isMissingNode()).isFalse();
  }

  @Test
  void openApiIsServedAsYamlOrJson() {
    ApiResponse yaml = ApiResponse.of(client.get("/openapi").request());
    ApiResponse json = ApiResponse.of(client.get("/openapi").accept(MediaTypes.APPLICATION_JSON).request());
    ApiResponse bySuffix = ApiResponse.of(client.get("/openapi.json").request());

    assertThat(yaml.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));
    assertThat(yaml.body()).isEqualTo("openapi: 3.1.0\n");
    assertThat(json.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(json.json().get("openapi").asText()).isEqualTo("3.1.0");
    assertThat(bySuffix.body()).isEqualTo(json.body());
  }

  @Test
  void docsServeSwaggerUiFromTheJar() {
    ApiResponse page = ApiResponse.of(client.get("/docs").request());
    ApiResponse bundle = ApiResponse.of(client.get("/docs/swagger-ui-bundle.js").request());
    ApiResponse missing = ApiResponse.of(client.get("/docs/nothing.js").request());

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("/docs/swagger-ui-bundle.js", "url: window.location.origin + \"/openapi.json\"").doesNotContain("https://");
    assertThat(bundle.status()).isEqualTo(200);
    assertThat(bundle.body().length()).isGreaterThan(1_000_000);
    assertThat(missing.status()).isEqualTo(404);
  }

  private ApiResponse post(String body) {
    return ApiResponse.of(jsonPost("/run").submit(body));
  }

  private io.helidon.webclient.http1.Http1ClientRequest jsonPost(String path) {
    return client.post(path).contentType(MediaTypes.APPLICATION_JSON);
  }

  private ApiResponse status(String id) {
    return ApiResponse.of(client.get("/status/" + id).request());
  }

  private JsonNode awaitFinished(String id) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonNode body = status(id).json();
      if (!body.get("status").asText().matches("pending|running")) {
        return body;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("job " + id + " did not finish within 5 s");
  }
}
