package io.configurableagents.runtime.llm;

import io.configurableagents.core.WorkflowException;
import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.core.model.Provider;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The effective settings one client is made for, and the key under which {@link LlmClients}
 * keeps it: equal settings share a client.
 *
 * @param baseUrl the URL the provider's API paths are appended to (see {@link #from})
 */
record ClientSettings(LlmTarget target, Optional<Double> temperature, Optional<Integer> maxTokens, String baseUrl) {

  /**
   * The settings of a node's effective {@code llm} (already merged over {@code config.llm}).
   * {@code api_base} works for every provider, as the SDKs read it: OpenAI's includes the version
   * path ({@code https://api.openai.com/v1}, {@code http://localhost:8000/v1}); Ollama's is the
   * server root ({@code http://localhost:11434}), its OpenAI-compatible {@code /v1} is added;
   * Anthropic's and Gemini's are the host ({@code /v1} and {@code /v1beta} are added unless given).
   */
  static ClientSettings from(LlmSpec spec) {
    Provider provider = spec.effectiveProvider();
    String base = spec.apiBase().map(String::strip).filter(s -> !s.isEmpty()).orElse(defaultBase(provider));
    checkUrl(base);
    return new ClientSettings(
        new LlmTarget(provider, spec.effectiveModel()), spec.temperature(), spec.maxTokens(), apiRoot(provider, base));
  }

  private static String defaultBase(Provider provider) {
    return switch (provider) {
      case GOOGLE -> "https://generativelanguage.googleapis.com";
      case OPENAI, ANTHROPIC, OLLAMA -> provider.defaultApiBase().orElseThrow();
    };
  }

  private static String apiRoot(Provider provider, String base) {
    String trimmed = base.replaceAll("/+$", "");
    return switch (provider) {
      case OPENAI -> trimmed;
      case OLLAMA, ANTHROPIC -> trimmed.endsWith("/v1") ? trimmed : trimmed + "/v1";
      case GOOGLE -> trimmed.matches(".*/v1(beta|alpha)?$") ? trimmed : trimmed + "/v1beta";
    };
  }

  private static void checkUrl(String base) {
    try {
      URI uri = new URI(base);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new WorkflowException(
        "llm.api_base '" + base + "' is not an http(s) URL; write it like http://localhost:11434");
  }
}
