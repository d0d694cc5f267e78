package io.configurableagents.runtime.llm;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.core.model.Provider;
import io.configurableagents.runtime.llm.fake.FakeProviderServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A fake OpenAI server, the real LangChain4j client, and a StructuredCall with short back-off. */
abstract class FakeOpenAiCallFixture {
  static final Duration REQUEST_TIMEOUT = Duration.ofMillis(700);
  static FakeProviderServer fake;
  static LlmClients clients;
  final RecordingListener listener = new RecordingListener();
  final StructuredCall structuredCall =
      new StructuredCall(new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(100)), Clock.systemUTC(), () -> -1L);

  @BeforeAll
  static void startFake() {
    fake = FakeProviderServer.start();
    clients =
        LlmClients.create(
            Environment.of(Map.of("OPENAI_API_KEY", "sk-test")), new LlmClientOptions(Duration.ofSeconds(2), REQUEST_TIMEOUT));
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

  LlmCall call(int maxAttempts, Duration deadlineIn) {
    LlmSpec spec = new LlmSpec(Optional.of(Provider.OPENAI), Optional.of("gpt-4o-mini"), Optional.empty(), Optional.empty(),
        Optional.of(fake.openAiBaseUrl()));
    return new LlmCall("review", clients.clientFor(spec), TestSchemas.reviewRequest("Rate the food"), maxAttempts,
        Instant.now().plus(deadlineIn));
  }

  StructuredAnswer<Map<String, Object>> execute(LlmCall call) {
    return structuredCall.execute(call, TestSchemas::reviewParser, listener, CancelToken.create());
  }

  LlmCallException failure(LlmCall call) {
    return catchThrowableOfType(LlmCallException.class, () -> execute(call));
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
