package io.configurableagents.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configurableagents.core.WorkflowException;
import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.core.model.Provider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LlmClientsTest {
  final LlmClients clients =
      LlmClients.create(Environment.of(Map.of("OPENAI_API_KEY", "k1", "GOOGLE_API_KEY", "k2")), LlmClientOptions.DEFAULT);

  @org.junit.jupiter.api.AfterEach
  void closeClients() {
    clients.close();
  }

  static LlmSpec openAi(String model, Double temperature) {
    return new LlmSpec(Optional.of(Provider.OPENAI), Optional.of(model), Optional.ofNullable(temperature), Optional.empty(),
        Optional.empty());
  }

  @Test
  void equalEffectiveSettingsShareOneClient() {
    LlmSpec global = openAi("gpt-4o", 0.2);
    LlmSpec nodeOwn = new LlmSpec(Optional.empty(), Optional.of("openai/gpt-4o"), Optional.empty(), Optional.empty(), Optional.empty());

    LlmClient first = clients.clientFor(global);
    LlmClient second = clients.clientFor(nodeOwn.mergedOver(global));

    assertThat(second).isSameAs(first);
    assertThat(clients.size()).isEqualTo(1);
  }

  @Test
  void eachDifferingSettingGetsItsOwnClient() {
    LlmClient base = clients.clientFor(openAi("gpt-4o", 0.2));

    assertThat(clients.clientFor(openAi("gpt-4o", 0.7))).isNotSameAs(base);
    assertThat(clients.clientFor(openAi("gpt-4o-mini", 0.2))).isNotSameAs(base);
    LlmSpec otherBase = new LlmSpec(Optional.of(Provider.OPENAI), Optional.of("gpt-4o"), Optional.of(0.2), Optional.empty(),
        Optional.of("http://localhost:8000/v1"));
    assertThat(clients.clientFor(otherBase)).isNotSameAs(base);
    assertThat(clients.size()).isEqualTo(4);
  }

  @Test
  void concurrentFirstUsesCreateOneClient() throws Exception {
    Set<LlmClient> seen = ConcurrentHashMap.newKeySet();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      IntStream.range(0, 200).forEach(i -> executor.submit(() -> seen.add(clients.clientFor(openAi("gpt-4.1", 0.1)))));
    }
    assertThat(seen).hasSize(1);
  }

  @Test
  void theDefaultProviderIsGoogleWithItsDefaultModel() {
    LlmClient client = clients.clientFor(LlmSpec.EMPTY);

    assertThat(client.target()).isEqualTo(new LlmTarget(Provider.GOOGLE, Provider.GOOGLE.defaultModel()));
  }

  @Test
  void aMissingKeyFailsNamingTheVariableAndHowToSetIt() {
    LlmSpec anthropic = new LlmSpec(Optional.of(Provider.ANTHROPIC), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());

    assertThatThrownBy(() -> clients.clientFor(anthropic))
        .isInstanceOf(MissingEnvironmentException.class)
        .hasMessageContaining("ANTHROPIC_API_KEY")
        .hasMessageContaining("--env-file");
  }

  @Test
  void aBlankKeyCountsAsMissing() {
    try (LlmClients blank = LlmClients.create(Environment.of(Map.of("OPENAI_API_KEY", "  ")), LlmClientOptions.DEFAULT)) {
      assertThatThrownBy(() -> blank.clientFor(openAi("gpt-4o", null)))
          .isInstanceOfSatisfying(MissingEnvironmentException.class,
              e -> assertThat(e.variables()).isEqualTo(List.of("OPENAI_API_KEY")));
    }
  }

  @Test
  void ollamaNeedsNoKey() {
    LlmSpec ollama = new LlmSpec(Optional.of(Provider.OLLAMA), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    try (LlmClients keyless = LlmClients.create(Environment.of(Map.of()), LlmClientOptions.DEFAULT)) {
      assertThat(keyless.clientFor(ollama).target()).isEqualTo(new LlmTarget(Provider.OLLAMA, "llama3.2"));
    }
  }

  @Test
  void anApiBaseThatIsNotAnHttpUrlIsRejectedWithAnExample() {
    LlmSpec bad = new LlmSpec(Optional.of(Provider.OLLAMA), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of("localhost:11434"));

    assertThatThrownBy(() -> clients.clientFor(bad))
        .isInstanceOf(WorkflowException.class)
        .hasMessageContaining("llm.api_base 'localhost:11434' is not an http(s) URL")
        .hasMessageContaining("http://localhost:11434");
  }
}
