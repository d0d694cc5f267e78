package io.configurableagents.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.configurableagents.core.model.Provider;
import io.configurableagents.runtime.llm.fake.FakeReply;
import io.configurableagents.runtime.llm.fake.RecordedRequest;
import io.configurableagents.runtime.llm.Environment;
import io.configurableagents.runtime.llm.LlmClientOptions;
import io.configurableagents.runtime.llm.LlmClients;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Workflows run through the real client of each provider: what reaches the provider (prompt,
 * JSON Schema in its native place, model, temperature, max_tokens, key header) and what the run
 * makes of the answer.
 */
class ProvidersEndToEndTest extends RealClientFixture {
  private static final String TUNED = ", temperature: 0.2, max_tokens: 300";

  @Test
  void openAiThroughApiBaseGetsThePromptTheStrictSchemaTheModelAndTheSettings() {
    fake.enqueue(FakeReply.answer("{\"score\": 8, \"why\": \"fragrant\"}")).usage(21, 7);

    Harness.Outcome run = rate(engine(scorer(llm(Provider.OPENAI, "gpt-4o-mini") + TUNED, "")));

    assertThat(run.outputs()).containsEntry("score", 8L).containsEntry("why", "fragrant");
    RecordedRequest sent = fake.lastRequest();
    assertThat(sent.path()).isEqualTo("/v1/chat/completions");
    assertThat(sent.prompt()).isEqualTo("Rate tea on a scale of 1 to 10.");
    assertThat(sent.body().path("messages")).hasSize(1);
    assertThat(sent.model()).isEqualTo("gpt-4o-mini");
    assertThat(sent.temperature()).contains(0.2);
    assertThat(sent.maxTokens()).contains(300);
    assertThat(sent.header("authorization")).contains("Bearer " + KEYS.get("OPENAI_API_KEY"));
    JsonNode format = sent.body().path("response_format");
    assertThat(format.path("type").asText()).isEqualTo("json_schema");
    assertThat(format.at("/json_schema/name").asText()).isEqualTo("Output_rate");
    assertThat(format.at("/json_schema/strict").asBoolean()).isTrue();
    assertScorerSchema(sent.schema());
    assertThat(run.result().metadata().nodes()).singleElement().satisfies(node -> {
      assertThat(node.attempts()).isEqualTo(1);
      assertThat(node.inputTokens()).isEqualTo(21);
      assertThat(node.outputTokens()).isEqualTo(7);
    });
  }

  @Test
  void anthropicGetsAForcedToolCarryingTheSchema() {
    Harness.Outcome run = rate(engine(scorer(llm(Provider.ANTHROPIC, "claude-haiku-4-5") + TUNED, "")));

    assertThat(run.outputs()).containsEntry("score", 1L).containsEntry("why", "example");
    RecordedRequest sent = fake.lastRequest();
    assertThat(sent.path()).isEqualTo("/v1/messages");
    assertThat(sent.prompt()).isEqualTo("Rate tea on a scale of 1 to 10.");
    assertThat(sent.model()).isEqualTo("claude-haiku-4-5");
    assertThat(sent.temperature()).contains(0.2);
    assertThat(sent.maxTokens()).contains(300);
    assertThat(sent.header("x-api-key")).contains(KEYS.get("ANTHROPIC_API_KEY"));
    assertThat(sent.body().at("/tools/0/name").asText()).isEqualTo("Output_rate");
    assertThat(sent.body().at("/tool_choice/type").asText()).isEqualTo("any");
    assertThat(sent.schema().path("required")).extracting(JsonNode::asText).containsExactly("score", "why");
    assertThat(sent.schema().at("/properties/score/type").asText()).isEqualTo("integer");
  }

  @Test
  void googleGetsAResponseJsonSchema() {
    Harness.Outcome run = rate(engine(scorer(llm(Provider.GOOGLE, "gemini-2.5-flash") + TUNED, "")));

    assertThat(run.outputs()).containsEntry("score", 1L);
    RecordedRequest sent = fake.lastRequest();
    assertThat(sent.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
    assertThat(sent.prompt()).isEqualTo("Rate tea on a scale of 1 to 10.");
    assertThat(sent.temperature()).contains(0.2);
    assertThat(sent.maxTokens()).contains(300);
    assertThat(sent.header("x-goog-api-key")).contains(KEYS.get("GOOGLE_API_KEY"));
    assertThat(sent.body().at("/generationConfig/responseMimeType").asText()).isEqualTo("application/json");
    assertScorerSchema(sent.schema());
  }

  @Test
  void ollamaNeedsNoKeyAndSpeaksTheOpenAiWireUnderV1() {
    try (LlmClients noKeys = LlmClients.create(Environment.of(Map.of()), LlmClientOptions.DEFAULT)) {
      WorkflowEngine engine =
          WorkflowEngine.create(Harness.load(scorer(llm(Provider.OLLAMA, "llama3.2") + TUNED, "")), Harness.OPTIONS, noKeys);

      Harness.Outcome run = rate(engine);

      assertThat(engine.missingEnvironment()).isEmpty();
      assertThat(run.outputs()).containsEntry("score", 1L);
      assertThat(fake.lastRequest().header("authorization")).isEmpty();
    }
    RecordedRequest sent = fake.lastRequest();
    assertThat(sent.path()).isEqualTo("/v1/chat/completions");
    assertThat(sent.model()).isEqualTo("llama3.2");
    assertThat(sent.temperature()).contains(0.2);
    assertThat(sent.maxTokens()).contains(300);
    assertThat(sent.body().at("/response_format/type").asText()).isEqualTo("json_schema");
    assertScorerSchema(sent.schema());
  }

  @Test
  void aNodeLevelLlmMergesOverConfigLlmKeyByKeyKeepingApiBase() {
    String yaml =
        scorer(llm(Provider.OPENAI, "gpt-4o-mini") + ", temperature: 0.9", "")
            .replace("    outputs: [score, why]\n", "    outputs: [score, why]\n    llm: {model: gpt-4o, temperature: 0.1}\n");

    Harness.Outcome run = rate(engine(yaml));

    assertThat(run.outputs()).containsEntry("score", 1L);
    assertThat(fake.lastRequest().model()).isEqualTo("gpt-4o");
    assertThat(fake.lastRequest().temperature()).contains(0.1);
    assertThat(fake.lastRequest().path()).isEqualTo("/v1/chat/completions");
  }

  @Test
  void aSimpleOutputIsAskedForAsResultAndWrittenToItsField() {
    String yaml =
        """
        schema_version: "1.0"
        flow: {name: echo}
        state:
          fields:
            message: {type: str, required: true}
            tags: {type: "list[str]", default: []}
        nodes:
          - {id: tag, prompt: "Tag {message}", outputs: [tags], output_schema: {type: "list[str]"}}
        edges:
          - {from: START, to: tag}
          - {from: tag, to: END}
        config:
          llm: {%s}
        """
            .formatted(llm(Provider.OPENAI, "gpt-4o-mini"));
    fake.enqueue(FakeReply.answer("{\"result\": [\"green\", \"black\"]}"));

    Harness.Outcome run = Harness.run(engine(yaml), Map.of("message", "tea"));

    assertThat(run.outputs()).containsEntry("tags", List.of("green", "black"));
    assertThat(fake.lastRequest().schema().path("required")).extracting(JsonNode::asText).containsExactly("result");
    assertThat(fake.lastRequest().schema().at("/properties/result/items/type").asText()).isEqualTo("string");
  }

  @Test
  void clientsAreCreatedOnceAndSharedByRuns() {
    WorkflowEngine engine = engine(openAiScorer(""));
    int before = clients.size();

    for (int i = 0; i < 3; i++) {
      assertThat(rate(engine).result()).isInstanceOf(RunResult.Succeeded.class);
    }

    assertThat(fake.requestCount()).isEqualTo(3);
    assertThat(clients.size()).isLessThanOrEqualTo(before + 1);
  }

  @Test
  void concurrentRunsShareTheClientAndMakeOneRequestEach() throws Exception {
    fake.replyByDefault(FakeReply.delayed(java.time.Duration.ofMillis(300), FakeReply.conforming()));
    List<java.util.concurrent.Future<RunResult>> runs = new java.util.ArrayList<>();
    // the default request timeout (60 s): the fixture's 700 ms would retry exchanges slowed by a busy machine
    try (LlmClients patient = LlmClients.create(Environment.of(KEYS), LlmClientOptions.DEFAULT)) {
      WorkflowEngine engine = WorkflowEngine.create(Harness.load(openAiScorer("")), Harness.OPTIONS, patient);

      try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < 200; i++) {
          runs.add(threads.submit(() -> rate(engine).result()));
        }
      }

      assertThat(patient.size()).isEqualTo(1);
    }
    for (var run : runs) {
      assertThat(run.get()).isInstanceOf(RunResult.Succeeded.class);
    }
    assertThat(fake.requestCount()).isEqualTo(200);
  }

  private static void assertScorerSchema(JsonNode schema) {
    assertThat(schema.path("type").asText()).isEqualTo("object");
    assertThat(schema.path("required")).extracting(JsonNode::asText).containsExactly("score", "why");
    assertThat(schema.at("/properties/score/type").asText()).isEqualTo("integer");
    assertThat(schema.at("/properties/score/description").asText()).isEqualTo("From 1 to 10");
    assertThat(schema.at("/properties/why/type").asText()).isEqualTo("string");
    assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
  }
}
