package io.configurableagents.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.runtime.llm.ProviderFailures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One node's execution: rendering, the provider key, answers read with the lax rules, retries. */
class NodeExecutionTest {

  private static final String SCORER =
      """
      schema_version: "1.0"
      flow: {name: scorer}
      state:
        fields:
          topic: {type: str, required: true}
          tags: {type: "list[str]", default: [a, b]}
          flag: {type: bool, default: true}
          nothing: {type: str}
          score: {type: int, default: 0}
          why: {type: str, default: ""}
      nodes:
        - id: rate
          inputs:
            subject: "Topic is {state.topic}!"
          prompt: "Rate {subject} with tags {state.tags}, flag {flag}, nothing {nothing}."
          outputs: [score, why]
          output_schema:
            type: object
            fields:
              - {name: score, type: int, description: A score}
              - {name: why, type: str}
      edges:
        - {from: START, to: rate}
        - {from: rate, to: END}
      %s
      """;

  private static final String OPENAI = "config: {llm: {provider: openai, model: gpt-4o-mini}}";

  private static String scorer(String config) {
    return SCORER.formatted(config);
  }

  @Test
  void thePromptIsRenderedWithInputMappingsAndPythonForms() {
    FakeLlmClient fake = FakeLlmClient.replying("{\"score\": 7, \"why\": \"good\"}");

    Harness.Outcome run = Harness.run(Harness.engine(scorer(OPENAI), fake), Map.of("topic", "tea"));

    assertThat(fake.prompts())
        .containsExactly("Rate Topic is tea! with tags ['a', 'b'], flag True, nothing None.");
    assertThat(fake.requests().get(0).schemaName()).isEqualTo("Output_rate");
    assertThat(run.outputs()).containsEntry("score", 7L).containsEntry("why", "good");
  }

  @Test
  void answersAreCoercedWithTheLaxRules() {
    FakeLlmClient fake = FakeLlmClient.replying("{\"score\": \"7\", \"why\": \"ok\", \"extra\": 1}");

    Harness.Outcome run = Harness.run(Harness.engine(scorer(OPENAI), fake), Map.of("topic", "tea"));

    assertThat(run.outputs()).containsEntry("score", 7L);
    assertThat(fake.calls()).isEqualTo(1);
  }

  @Test
  void aSimpleOutputIsReadFromResult() {
    String yaml =
        """
        schema_version: "1.0"
        flow: {name: simple}
        state:
          fields:
            count: {type: int, default: 0}
        nodes:
          - {id: count, prompt: "Count", outputs: [count], output_schema: {type: int}}
        edges:
          - {from: START, to: count}
          - {from: count, to: END}
        """;

    Harness.Outcome run = Harness.run(Harness.engine(yaml, FakeLlmClient.replying("{\"result\": 5.0}")), Map.of());

    assertThat(run.outputs()).containsEntry("count", 5L);
  }

  @Test
  void aMalformedAnswerIsRetriedWithTheClarificationNote() {
    FakeLlmClient fake =
        FakeLlmClient.scripted(
            FakeLlmClient.reply("Sure! Here is the score: 7"),
            FakeLlmClient.reply("{\"score\": \"seven\", \"why\": \"x\"}"),
            FakeLlmClient.reply("```json\n{\"score\": 7, \"why\": \"x\"}\n```"));

    Harness.Outcome run = Harness.run(Harness.engine(scorer(OPENAI), fake), Map.of("topic", "tea"));

    assertThat(run.outputs()).containsEntry("score", 7L);
    List<String> prompts = fake.prompts();
    String base = "Rate Topic is tea! with tags ['a', 'b'], flag True, nothing None.";
    assertThat(prompts.get(0)).isEqualTo(base);
    assertThat(prompts.get(1)).startsWith(base + "\n\nYour previous answer failed validation: the answer is not valid JSON");
    assertThat(prompts.get(2))
        .startsWith(base + "\n\nYour previous answer failed validation: score: ")
        .endsWith(". Answer again with JSON that matches the required schema exactly: every required field,"
            + " each with its declared type, and nothing else.");
    assertThat(prompts.get(2).split("Your previous answer", -1)).as("notes never pile up").hasSize(2);
    assertThat(run.of(RunEvent.LlmAttemptFinished.class))
        .extracting(e -> e.outcome().getClass().getSimpleName())
        .containsExactly("Rejected", "Rejected", "Accepted");
    assertThat(run.result().metadata().llmAttempts()).isEqualTo(3);
  }

  @Test
  void answersThatNeverFitFailTheNodeAfterMaxRetriesAttempts() {
    FakeLlmClient fake = FakeLlmClient.replying("{\"score\": \"many\", \"why\": \"x\"}");

    Harness.Outcome run =
        Harness.run(
            Harness.engine(scorer("config: {llm: {provider: openai}, execution: {max_retries: 2}}"), fake),
            Map.of("topic", "tea"));

    assertThat(fake.calls()).isEqualTo(2);
    assertThat(run.error().type()).isEqualTo(EngineError.INVALID_OUTPUT);
    assertThat(run.error().providerFailure()).isTrue();
    assertThat(run.error().message())
        .startsWith("node \"rate\": the model's answer did not match the output schema after 2 attempt(s): score: ");
  }

  @Test
  void retriableProviderErrorsAreRetried() {
    FakeLlmClient fake =
        FakeLlmClient.scripted(
            FakeLlmClient.fail(ProviderFailures.http(429, "rate limited", Optional.of(Duration.ofMillis(20)))),
            FakeLlmClient.fail(ProviderFailures.http(503, "overloaded")),
            FakeLlmClient.reply("{\"score\": 1, \"why\": \"x\"}"));

    Harness.Outcome run = Harness.run(Harness.engine(scorer(OPENAI), fake), Map.of("topic", "tea"));

    assertThat(run.outputs()).containsEntry("score", 1L);
    List<RunEvent.LlmAttemptFinished> attempts = run.of(RunEvent.LlmAttemptFinished.class);
    assertThat(attempts).hasSize(3);
    assertThat(attempts.get(0).retryIn()).contains(Duration.ofMillis(20));
    assertThat(attempts.get(1).retryIn()).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofMillis(7), Duration.ofMillis(13)));
    assertThat(attempts.get(1).outcome())
        .isEqualTo(new AttemptOutcome.ProviderFailed("openai/gpt-4o-mini: HTTP 503: overloaded", java.util.OptionalInt.of(503), true));
  }

  @Test
  void nonRetriableProviderErrorsFailAtOnceNamingTheNode() {
    FakeLlmClient fake = FakeLlmClient.throwing(ProviderFailures.http(401, "Incorrect API key provided: sk-test-key-0123456789"));

    Harness.Outcome run = Harness.run(Harness.engine(scorer(OPENAI), fake), Map.of("topic", "tea"));

    assertThat(fake.calls()).isEqualTo(1);
    assertThat(run.error().type()).isEqualTo(EngineError.PROVIDER_ERROR);
    assertThat(run.error().providerFailure()).isTrue();
    assertThat(run.error().node()).contains("rate");
    assertThat(run.error().message()).isEqualTo("node \"rate\": openai/gpt-4o-mini: HTTP 401: Incorrect API key provided: ***");
  }

  @Test
  void aMissingProviderKeyFailsAtOnceNamingTheVariable() {
    FakeLlmClient fake = FakeLlmClient.replying("{}");
    EngineOptions noKeys = Harness.OPTIONS.withEnvironment(Map.of("OPENAI_API_KEY", "  "));

    WorkflowEngine engine = Harness.engine(scorer(OPENAI), fake, noKeys);
    Harness.Outcome run = Harness.run(engine, Map.of("topic", "tea"));

    assertThat(engine.missingEnvironment()).containsExactly("OPENAI_API_KEY");
    assertThat(fake.calls()).isZero();
    assertThat(run.error().type()).isEqualTo(EngineError.MISSING_API_KEY);
    assertThat(run.error().node()).contains("rate");
    assertThat(run.nodesStarted()).isEmpty();
    assertThat(run.error().message())
        .startsWith("Environment variable OPENAI_API_KEY (the openai provider of node 'rate') is not set.")
        .contains("--env-file");
  }

  @Test
  void theDefaultProviderIsGoogle() {
    WorkflowEngine engine = Harness.engine(scorer(""), FakeLlmClient.replying("{}"), Harness.OPTIONS.withEnvironment(Map.of()));

    assertThat(engine.missingEnvironment()).containsExactly("GOOGLE_API_KEY");
  }

  @Test
  void aCodeNodeFailsTheRunAsNotSupported() {
    String yaml =
        """
        schema_version: "1.0"
        flow: {name: code}
        state:
          fields:
            total: {type: int, default: 0}
        nodes:
          - id: sum
            prompt: "Sum"
            code: "result = 1 + 1"
            outputs: [total]
            output_schema: {type: int}
        edges:
          - {from: START, to: sum}
          - {from: sum, to: END}
        """;
    FakeLlmClient fake = FakeLlmClient.replying("{\"result\": 2}");

    Harness.Outcome run = Harness.run(Harness.engine(yaml, fake), Map.of());

    assertThat(fake.calls()).isZero();
    assertThat(run.error().type()).isEqualTo(EngineError.UNSUPPORTED_NODE);
    assertThat(run.error().providerFailure()).isFalse();
    assertThat(run.error().message())
        .isEqualTo(
            "node \"sum\" is a Python code node (code:), and code nodes are not supported by this runtime;"
                + " replace it with an LLM node, or run this workflow with the Python tool");
  }

  @Test
  void tokensAndAttemptsAreKeptInTheMetadataNotTheOutputs() {
    FakeLlmClient fake =
        FakeLlmClient.scripted(FakeLlmClient.reply("nope"), FakeLlmClient.reply("{\"score\": 1, \"why\": \"x\"}"));

    Harness.Outcome run = Harness.run(Harness.engine(scorer(OPENAI), fake), Map.of("topic", "tea"));

    RunMetadata metadata = run.result().metadata();
    assertThat(metadata.nodes()).singleElement().satisfies(n -> {
      assertThat(n.node().nodeId()).isEqualTo("rate");
      assertThat(n.attempts()).isEqualTo(2);
      assertThat(n.inputTokens()).isEqualTo(20);
      assertThat(n.outputTokens()).isEqualTo(10);
      assertThat(n.succeeded()).isTrue();
    });
    assertThat(metadata.inputTokens()).isEqualTo(20);
    assertThat(metadata.steps()).isEqualTo(1);
    assertThat(run.outputs()).containsOnlyKeys("topic", "tags", "flag", "nothing", "score", "why");
  }
}
