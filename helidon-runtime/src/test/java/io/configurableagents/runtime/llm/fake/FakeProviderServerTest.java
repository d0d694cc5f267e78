package io.configurableagents.runtime.llm.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The fake itself: its wire answers, its errors, and its {@code main}. */
class FakeProviderServerTest {
  static final String OPENAI_REQUEST =
      """
      {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Hi"}],
       "response_format": {"type": "json_schema", "json_schema": {"name": "Output_x", "schema":
         {"type": "object", "properties": {"result": {"type": "object", "additionalProperties": {"type": "integer"}},
                                           "label": {"type": ["string", "null"], "enum": ["a", "b"]}},
          "required": ["result", "label"], "additionalProperties": false}}}}
      """;

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void aConformingAnswerFollowsTheRequestedSchema() throws Exception {
    try (FakeProviderServer fake = FakeProviderServer.start()) {
      JsonNode answer = post(fake.openAiBaseUrl() + "/chat/completions", OPENAI_REQUEST).body();

      JsonNode content = WireFormat.JSON.readTree(answer.at("/choices/0/message/content").asText());
      assertThat(content.path("result").path("key").isInt()).isTrue();
      assertThat(content.path("label").asText()).isEqualTo("a");
      assertThat(answer.at("/usage/prompt_tokens").asInt()).isEqualTo(12);
      assertThat(fake.lastRequest().schema().path("required")).hasSize(2);
    }
  }

  @Test
  void errorsComeWithTheProviderShapedBodyAndHeaders() throws Exception {
    try (FakeProviderServer fake = FakeProviderServer.start()) {
      fake.enqueue(FakeReply.rateLimited("3"));

      Reply reply = post(fake.openAiBaseUrl() + "/chat/completions", OPENAI_REQUEST);

      assertThat(reply.status()).isEqualTo(429);
      assertThat(reply.retryAfter()).isEqualTo("3");
      assertThat(reply.body().at("/error/message").asText()).isEqualTo("Rate limit reached. Please retry later.");
    }
  }

  @Test
  void unknownPathsAnswer404() throws Exception {
    try (FakeProviderServer fake = FakeProviderServer.start()) {
      assertThat(post(fake.baseUrl() + "/v2/whatever", "{}").status()).isEqualTo(404);
      assertThat(fake.requestCount()).isZero();
    }
  }

  @Test
  void scriptsReadHowManyRequestsAndHowManyDifferentPromptsCameWithoutRecording() throws Exception {
    try (FakeProviderServer fake = FakeProviderServer.start().recording(false)) {
      String url = fake.openAiBaseUrl() + "/chat/completions";
      post(url, OPENAI_REQUEST);
      post(url, OPENAI_REQUEST);
      post(url, OPENAI_REQUEST.replace("\"Hi\"", "\"Hello\""));

      assertThat(get(fake.baseUrl() + FakeProviderServer.COUNT_PATH)).isEqualTo("3");
      assertThat(get(fake.baseUrl() + FakeProviderServer.DISTINCT_PROMPTS_PATH)).isEqualTo("2");
      assertThat(fake.requests()).isEmpty();
    }
  }

  @Test
  void theMainServesSlowConformingAnswersOnTheGivenPort() throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                FakeProviderMain.class.getName(), "--port", "0", "--delay-ms", "300")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
      assertThat(line).startsWith("fake provider listening on http://127.0.0.1:");
      String base = line.substring("fake provider listening on ".length());
      long start = System.nanoTime();

      Reply reply = post(base + "/v1/chat/completions", OPENAI_REQUEST);

      assertThat(reply.status()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  record Reply(int status, String retryAfter, JsonNode body) {}

  String get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  Reply post(String url, String body) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    return new Reply(
        response.statusCode(), response.headers().firstValue("Retry-After").orElse(""), WireFormat.JSON.readTree(response.body()));
  }
}
