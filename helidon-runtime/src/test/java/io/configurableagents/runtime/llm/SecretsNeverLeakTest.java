package io.configurableagents.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.core.model.Provider;
import io.configurableagents.runtime.llm.fake.FakeProviderServer;
import io.configurableagents.runtime.llm.fake.FakeReply;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Providers echo keys (OpenAI's 401 quotes the key it got): no message, event or stack trace that
 * we produce may carry one.
 */
class SecretsNeverLeakTest {
  static final Map<String, String> KEYS =
      Map.of("OPENAI_API_KEY", "sk-proj-SECRET-openai-0123456789",
          "ANTHROPIC_API_KEY", "sk-ant-SECRET-anthropic-0123456789",
          "GOOGLE_API_KEY", "AIzaSECRET-google-0123456789");
  static FakeProviderServer fake;
  static LlmClients clients;

  @BeforeAll
  static void startFake() {
    fake = FakeProviderServer.start();
    clients = LlmClients.create(Environment.of(KEYS), new LlmClientOptions(Duration.ofSeconds(2), Duration.ofSeconds(5)));
  }

  @AfterAll
  static void stopFake() {
    clients.close();
    fake.close();
  }

  @Test
  void echoedKeysAreMaskedInEveryErrorEventAndStackTrace() {
    for (Provider provider : List.of(Provider.OPENAI, Provider.ANTHROPIC, Provider.GOOGLE)) {
      String key = KEYS.get(provider.apiKeyVariable().orElseThrow());
      for (FakeReply reply :
          List.of(
              FakeReply.unauthorized("Incorrect API key provided: " + key + ". Find your key at the console."),
              FakeReply.error(500, "internal error while using key " + key),
              FakeReply.error(404, "{\"detail\": \"model not found for " + key + "\"}"))) {
        fake.reset();
        fake.enqueue(reply, reply);
        RecordingListener listener = new RecordingListener();

        LlmCallException e = catchThrowableOfType(LlmCallException.class, () -> execute(provider, listener));

        List<String> texts = new ArrayList<>(listener.texts());
        texts.add(e.getMessage());
        texts.add(stackTrace(e));
        e.providerFailure().ifPresent(f -> texts.add(f.providerMessage()));
        assertThat(texts).as("%s %s", provider, reply).noneMatch(t -> t.contains(key)).noneMatch(t -> t.contains("SECRET"));
        assertThat(e.getMessage()).as("%s", provider).contains("***");
      }
    }
  }

  @Test
  void theKeysDidReachTheProvidersAsHeaders() {
    fake.reset();
    execute(Provider.OPENAI, AttemptListener.NONE);
    assertThat(fake.lastRequest().header("authorization")).contains("Bearer " + KEYS.get("OPENAI_API_KEY"));
  }

  static StructuredAnswer<Map<String, Object>> execute(Provider provider, AttemptListener listener) {
    String base = provider == Provider.OPENAI ? fake.openAiBaseUrl() : fake.baseUrl();
    LlmSpec spec = new LlmSpec(Optional.of(provider), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(base));
    LlmCall call = new LlmCall("secretive", clients.clientFor(spec), TestSchemas.reviewRequest("hi"), 2, Instant.now().plusSeconds(20));
    StructuredCall structuredCall =
        new StructuredCall(new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(5)), Clock.systemUTC(), () -> 0L);
    return structuredCall.execute(call, TestSchemas::reviewParser, listener, CancelToken.create());
  }

  static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
