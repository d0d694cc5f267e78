package io.configurableagents.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.core.model.Provider;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientSettingsTest {

  @ParameterizedTest(name = "{0} api_base ''{1}'' -> {2}")
  @CsvSource({
    "openai,    ,                                 https://api.openai.com/v1",
    "openai,    http://localhost:8000/v1/,        http://localhost:8000/v1",
    "openai,    https://api.groq.com/openai/v1,   https://api.groq.com/openai/v1",
    "ollama,    ,                                 http://localhost:11434/v1",
    "ollama,    http://gpu-box:11434,             http://gpu-box:11434/v1",
    "ollama,    http://gpu-box:11434/v1,          http://gpu-box:11434/v1",
    "anthropic, ,                                 https://api.anthropic.com/v1",
    "anthropic, https://proxy.example.com,        https://proxy.example.com/v1",
    "google,    ,                                 https://generativelanguage.googleapis.com/v1beta",
    "google,    http://127.0.0.1:9000/,           http://127.0.0.1:9000/v1beta",
    "google,    http://127.0.0.1:9000/v1beta,     http://127.0.0.1:9000/v1beta",
  })
  void apiBaseBecomesTheProvidersApiRoot(String provider, String apiBase, String expected) {
    LlmSpec spec = new LlmSpec(Provider.fromId(provider), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.ofNullable(apiBase));

    assertThat(ClientSettings.from(spec).baseUrl()).isEqualTo(expected);
  }
}
