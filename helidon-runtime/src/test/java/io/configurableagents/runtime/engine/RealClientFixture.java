package io.configurableagents.runtime.engine;

import io.configurableagents.core.model.Provider;
import io.configurableagents.runtime.llm.Environment;
import io.configurableagents.runtime.llm.LlmClientOptions;
import io.configurableagents.runtime.llm.LlmClients;
import io.configurableagents.runtime.llm.fake.FakeProviderServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Runs workflows through the real provider clients ({@link LlmClients}, LangChain4j over the JDK
 * HTTP client) against one fake provider server on loopback that speaks the OpenAI, Anthropic,
 * Gemini and Ollama wire formats. The workflows' {@code api_base} points at the fake.
 */
abstract class RealClientFixture {
  static final Map<String, String> KEYS =
      Map.of(
          "OPENAI_API_KEY", "sk-proj-SECRET-openai-0123456789",
          "ANTHROPIC_API_KEY", "sk-ant-SECRET-anthropic-0123456789",
          "GOOGLE_API_KEY", "AIzaSECRET-google-0123456789");
  /** How long one exchange may take before it counts as a timeout (and is retried). */
  static final Duration REQUEST_TIMEOUT = Duration.ofMillis(1500);

  static FakeProviderServer fake;
  static LlmClients clients;

  @BeforeAll
  static void startFakeProvider() {
    fake = FakeProviderServer.start();
    clients = LlmClients.create(Environment.of(KEYS), new LlmClientOptions(Duration.ofSeconds(2), REQUEST_TIMEOUT));
  }

  @AfterAll
  static void stopFakeProvider() {
    clients.close();
    fake.close();
  }

  @BeforeEach
  void resetFakeProvider() {
    fake.reset();
  }

  /**
   * A one-node workflow: {@code rate} asks for {@code score: int} and {@code why: str} with the
   * prompt {@code Rate <topic> on a scale of 1 to 10.}, then a node-level override of the model.
   *
   * @param llm the body of {@code config.llm}
   * @param extraConfig more of {@code config}, e.g. {@code execution: {max_retries: 2}}
   */
  static String scorer(String llm, String extraConfig) {
    return """
        schema_version: "1.0"
        flow: {name: scorer}
        state:
          fields:
            topic: {type: str, required: true}
            score: {type: int, default: 0}
            why: {type: str, default: ""}
        nodes:
          - id: rate
            prompt: "Rate {state.topic} on a scale of 1 to 10."
            outputs: [score, why]
            output_schema:
              type: object
              fields:
                - {name: score, type: int, description: From 1 to 10}
                - {name: why, type: str}
        edges:
          - {from: START, to: rate}
          - {from: rate, to: END}
        config:
          llm: {%s}
          %s
        """
        .formatted(llm, extraConfig);
  }

  /** {@code config.llm} for {@code provider} at the fake, with the given model. */
  static String llm(Provider provider, String model) {
    return "provider: " + provider.id() + ", model: \"" + model + "\", api_base: \"" + apiBase(provider) + "\"";
  }

  /** OpenAI's base URL includes {@code /v1}; the others' are the server root. */
  static String apiBase(Provider provider) {
    return provider == Provider.OPENAI ? fake.openAiBaseUrl() : fake.baseUrl();
  }

  static String openAiScorer(String extraConfig) {
    return scorer(llm(Provider.OPENAI, "gpt-4o-mini"), extraConfig);
  }

  /** An engine over the real clients (keys from {@link #KEYS}), fast back-off. */
  static WorkflowEngine engine(String yaml) {
    return engine(yaml, Harness.OPTIONS);
  }

  static WorkflowEngine engine(String yaml, EngineOptions options) {
    return WorkflowEngine.create(Harness.load(yaml), options, clients);
  }

  static Harness.Outcome rate(WorkflowEngine engine) {
    return Harness.run(engine, Map.of("topic", "tea"));
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
