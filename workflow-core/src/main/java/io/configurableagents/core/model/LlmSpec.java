package io.configurableagents.core.model;

import java.util.Optional;

/**
 * {@code config.llm} or a node's {@code llm}. Every key is optional; {@link #mergedOver} gives the
 * effective settings of a node (node keys win, key by key, {@code api_base} included).
 */
public record LlmSpec(
    Optional<Provider> provider,
    Optional<String> model,
    Optional<Double> temperature,
    Optional<Integer> maxTokens,
    Optional<String> apiBase) {

  public static final LlmSpec EMPTY =
      new LlmSpec(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /** This spec's keys, falling back to {@code base} for each key that is not set here. */
  public LlmSpec mergedOver(LlmSpec base) {
    return new LlmSpec(
        provider.or(base::provider),
        model.or(base::model),
        temperature.or(base::temperature),
        maxTokens.or(base::maxTokens),
        apiBase.or(base::apiBase));
  }

  /** The provider in effect: the one set, or the default ({@code google}). */
  public Provider effectiveProvider() {
    return provider.orElse(Provider.defaultProvider());
  }

  /**
   * The model in effect: the one set, with a redundant leading provider prefix removed
   * ({@code openai/gpt-4o} and {@code ollama_chat/llama3} name {@code gpt-4o} and {@code llama3}),
   * or the provider's default.
   */
  public String effectiveModel() {
    Provider p = effectiveProvider();
    return model.map(m -> stripProviderPrefix(p, m)).filter(m -> !m.isBlank()).orElse(p.defaultModel());
  }

  private static String stripProviderPrefix(Provider p, String model) {
    String trimmed = model.trim();
    String[] prefixes =
        p == Provider.GOOGLE
            ? new String[] {"google/", "gemini/", "models/"}
            : new String[] {p.id() + "/", p.id() + "_chat/"};
    for (String prefix : prefixes) {
      if (trimmed.startsWith(prefix)) {
        return trimmed.substring(prefix.length());
      }
    }
    return trimmed;
  }
}
