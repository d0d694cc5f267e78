package io.configurableagents.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.core.model.Provider;
import io.configurableagents.runtime.llm.fake.FakeProviderServer;
import io.configurableagents.runtime.llm.fake.FakeReply;
import io.configurableagents.runtime.llm.fake.RecordedRequest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the real LangChain4j clients send to each provider, and how its answers are read. */
class ProviderWireTest {
  static final Map<String, String> KEYS =
      Map.of("OPENAI_API_KEY", "sk-openai-test-key", "ANTHROPIC_API_KEY", "sk-ant-test-key",
          "GOOGLE_API_KEY", "AIza-google-test-key");
  static FakeProviderServer fake;
  static LlmClients clients;

  @BeforeAll
  static void startFake() {
    fake = FakeProviderServer.start();
    clients = LlmClients.create(Environment.of(KEYS), LlmClientOptions.DEFAULT);
  }

  @AfterAll
  static void stopFake() {
    clients.close();
    fake.close();
  }

  @BeforeEach
  void resetFake() {
    fake.reset();
  }

  static LlmSpec spec(Provider provider, String model, String apiBase) {
    return new LlmSpec(Optional.of(provider), Optional.of(model), Optional.of(0.3), Optional.of(200), Optional.of(apiBase));
  }

  @Test
  void openAiGetsOneUserMessageStrictJsonSchemaModelTemperatureMaxTokensAndBearerKey() {
    LlmClient client = clients.clientFor(spec(Provider.OPENAI, "openai/gpt-4o", fake.openAiBaseUrl()));

    client.complete(TestSchemas.reviewRequest("Review this: great food"));

    RecordedRequest sent = fake.lastRequest();
    assertThat(sent.path()).isEqualTo("/v1/chat/completions");
    assertThat(sent.body().path("messages")).hasSize(1);
    assertThat(sent.body().path("messages").get(0).path("role").asText()).isEqualTo("user");
    assertThat(sent.prompt()).isEqualTo("Review this: great food");
    assertThat(sent.model()).isEqualTo("gpt-4o");
    assertThat(sent.temperature()).contains(0.3);
    assertThat(sent.maxTokens()).contains(200);
    assertThat(sent.header("Authorization")).contains("Bearer sk-openai-test-key");
    JsonNode format = sent.body().path("response_format");
    assertThat(format.path("type").asText()).isEqualTo("json_schema");
    assertThat(format.path("json_schema").path("name").asText()).isEqualTo("Output_review");
    assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
    assertThat(sent.schema()).isEqualTo(withoutDollarSchema(TestSchemas.REVIEW));
  }

  @Test
  void openAiGetsANonStrictSchemaThatKeepsDictValueTypes() {
    LlmClient client = clients.clientFor(spec(Provider.OPENAI, "gpt-4o-mini", fake.openAiBaseUrl()));

    client.complete(new LlmRequest("Count words", "Output_count", TestSchemas.schema(TestSchemas.COUNTS)));

    JsonNode format = fake.lastRequest().body().path("response_format");
    assertThat(format.path("type").asText()).isEqualTo("json_schema");
    assertThat(format.path("json_schema").path("strict").asBoolean(true)).isFalse();
    assertThat(fake.lastRequest().schema()).isEqualTo(TestSchemas.schema(TestSchemas.COUNTS));
    assertThat(fake.lastRequest().schema().at("/properties/result/additionalProperties/type").asText())
        .isEqualTo("integer");
  }

  @Test
  void geminiGetsResponseJsonSchemaInGenerationConfigAndTheKeyInItsHeader() {
    LlmClient client = clients.clientFor(spec(Provider.GOOGLE, "gemini/gemini-2.5-flash", fake.baseUrl()));

    client.complete(TestSchemas.reviewRequest("Review this: slow service"));

    RecordedRequest sent = fake.lastRequest();
    assertThat(sent.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
    assertThat(sent.model()).isEqualTo("gemini-2.5-flash");
    assertThat(sent.prompt()).isEqualTo("Review this: slow service");
    assertThat(sent.body().path("contents")).hasSize(1);
    assertThat(sent.systemPrompt()).isEmpty();
    JsonNode config = sent.body().path("generationConfig");
    assertThat(config.path("responseMimeType").asText()).isEqualTo("application/json");
    assertThat(config.path("responseJsonSchema")).isEqualTo(withoutDollarSchema(TestSchemas.REVIEW));
    assertThat(sent.temperature()).contains(0.3);
    assertThat(sent.maxTokens()).contains(200);
    assertThat(sent.header("x-goog-api-key")).contains("AIza-google-test-key");
    assertThat(sent.path()).doesNotContain("key=");
  }

  @Test
  void anthropicGetsAForcedToolWhoseInputSchemaIsTheOutputSchema() {
    LlmClient client = clients.clientFor(spec(Provider.ANTHROPIC, "anthropic/claude-haiku-4-5", fake.baseUrl()));

    client.complete(TestSchemas.reviewRequest("Review this: fine"));

    RecordedRequest sent = fake.lastRequest();
    assertThat(sent.path()).isEqualTo("/v1/messages");
    assertThat(sent.model()).isEqualTo("claude-haiku-4-5");
    assertThat(sent.prompt()).isEqualTo("Review this: fine");
    assertThat(sent.systemPrompt()).isEmpty();
    assertThat(sent.header("x-api-key")).contains("sk-ant-test-key");
    assertThat(sent.header("anthropic-version")).isPresent();
    assertThat(sent.body().path("tools")).hasSize(1);
    assertThat(sent.body().path("tools").get(0).path("name").asText()).isEqualTo("Output_review");
    assertThat(sent.body().path("tool_choice").path("type").asText()).isEqualTo("any");
    JsonNode expected = withoutDollarSchema(TestSchemas.REVIEW);
    assertThat(sent.schema().path("properties")).isEqualTo(expected.path("properties"));
    assertThat(sent.schema().path("required")).isEqualTo(expected.path("required"));
    assertThat(sent.temperature()).contains(0.3);
    assertThat(sent.maxTokens()).contains(200);
  }

  @Test
  void ollamaGoesThroughItsOpenAiCompatibleEndpointWithoutAKey() {
    LlmClient client = clients.clientFor(spec(Provider.OLLAMA, "ollama_chat/llama3", fake.baseUrl()));

    client.complete(TestSchemas.reviewRequest("Review this: ok"));

    RecordedRequest sent = fake.lastRequest();
    assertThat(sent.path()).isEqualTo("/v1/chat/completions");
    assertThat(sent.model()).isEqualTo("llama3");
    assertThat(sent.header("Authorization")).isEmpty();
    assertThat(sent.body().path("response_format").path("type").asText()).isEqualTo("json_schema");
  }

  @Test
  void everyProviderAnswerGivesTheRawJsonAndTheTokenUsage() {
    String answer = "{\"summary\":\"Nice\",\"score\":8,\"tags\":[\"food\"],\"mood\":\"good\"}";
    fake.usage(31, 9);
    for (LlmSpec spec : allProviders()) {
      fake.enqueue(FakeReply.answer(answer));

      LlmResponse response = clients.clientFor(spec).complete(TestSchemas.reviewRequest("Review"));

      assertThat(readTree(response.text())).as(spec.effectiveProvider().id()).isEqualTo(readTree(answer));
      assertThat(response.inputTokens()).as(spec.effectiveProvider().id()).isEqualTo(31);
      assertThat(response.outputTokens()).as(spec.effectiveProvider().id()).isEqualTo(9);
      assertThat(response.modelName()).as(spec.effectiveProvider().id()).isEqualTo(spec.effectiveModel());
    }
  }

  @Test
  void everyProviderPassesATextAnswerThroughForTheParserToJudge() {
    for (LlmSpec spec : allProviders()) {
      fake.enqueue(FakeReply.text("Sure! {\"summary\": "));

      LlmResponse response = clients.clientFor(spec).complete(TestSchemas.reviewRequest("Review"));

      assertThat(response.text()).as(spec.effectiveProvider().id()).isEqualTo("Sure! {\"summary\": ");
    }
  }

  @Test
  void everyProviderErrorIsReadFromItsOwnErrorJsonWithStatusAndRetryAfter() {
    for (LlmSpec spec : allProviders()) {
      String id = spec.effectiveProvider().id();
      fake.enqueue(FakeReply.rateLimited("7"), FakeReply.unauthorized("Key rejected by " + id), FakeReply.error(503, "Overloaded"));
      LlmClient client = clients.clientFor(spec);

      LlmException rateLimited = catchLlmException(client);
      LlmException unauthorized = catchLlmException(client);
      LlmException unavailable = catchLlmException(client);

      assertThat(rateLimited.kind()).as(id).isEqualTo(LlmException.Kind.RATE_LIMITED);
      assertThat(rateLimited.retryAfter()).as(id).contains(java.time.Duration.ofSeconds(7));
      assertThat(rateLimited.providerMessage()).as(id).isEqualTo("Rate limit reached. Please retry later.");
      assertThat(unauthorized.kind()).as(id).isEqualTo(LlmException.Kind.REJECTED);
      assertThat(unauthorized.retriable()).as(id).isFalse();
      assertThat(unauthorized.httpStatus()).as(id).contains(401);
      assertThat(unauthorized.getMessage()).as(id)
          .isEqualTo(spec.effectiveProvider().id() + "/" + spec.effectiveModel() + " answered HTTP 401 (rejected): Key rejected by "
              + id + ". " + (spec.effectiveProvider() == Provider.OLLAMA
                  ? "Check llm.api_base and the server's access settings"
                  : "Check that " + spec.effectiveProvider().apiKeyVariable().orElseThrow()
                      + " holds a valid key with access to model '" + spec.effectiveModel() + "'"));
      assertThat(unavailable.kind()).as(id).isEqualTo(LlmException.Kind.SERVER_ERROR);
      assertThat(unavailable.retriable()).as(id).isTrue();
      assertThat(unavailable.getMessage()).as(id).contains("HTTP 503", "Overloaded");
    }
  }

  LlmException catchLlmException(LlmClient client) {
    return org.assertj.core.api.Assertions.catchThrowableOfType(
        LlmException.class, () -> client.complete(TestSchemas.reviewRequest("Review")));
  }

  static java.util.List<LlmSpec> allProviders() {
    return java.util.List.of(
        spec(Provider.OPENAI, "gpt-4o", fake.openAiBaseUrl()),
        spec(Provider.GOOGLE, "gemini-2.5-flash", fake.baseUrl()),
        spec(Provider.ANTHROPIC, "claude-haiku-4-5", fake.baseUrl()),
        spec(Provider.OLLAMA, "llama3", fake.baseUrl()));
  }

  static JsonNode withoutDollarSchema(String json) {
    var node = TestSchemas.schema(json);
    node.remove("$schema");
    return node;
  }

  static JsonNode readTree(String json) {
    return TestSchemas.schema(json);
  }
}
