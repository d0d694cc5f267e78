package io.configurableagents.core.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The LLM providers a workflow can name in {@code llm.provider}. Each knows its default model and
 * the environment variable that holds its key, so that the runtime (readiness) and the plugin
 * ({@code .env.example}) agree on them.
 */
public enum Provider {
  GOOGLE("google", "gemini-2.5-flash-lite", Optional.of("GOOGLE_API_KEY"), Optional.empty()),
  OPENAI("openai", "gpt-4o-mini", Optional.of("OPENAI_API_KEY"), Optional.of("https://api.openai.com/v1")),
  ANTHROPIC(
      "anthropic", "claude-haiku-4-5", Optional.of("ANTHROPIC_API_KEY"), Optional.of("https://api.anthropic.com/v1")),
  OLLAMA("ollama", "llama3.2", Optional.empty(), Optional.of("http://localhost:11434"));

  private final String id;
  private final String defaultModel;
  private final Optional<String> apiKeyVariable;
  private final Optional<String> defaultApiBase;

  Provider(String id, String defaultModel, Optional<String> apiKeyVariable, Optional<String> defaultApiBase) {
    this.id = id;
    this.defaultModel = defaultModel;
    this.apiKeyVariable = apiKeyVariable;
    this.defaultApiBase = defaultApiBase;
  }

  /** The spelling used in workflow files: lower case, exact. */
  public String id() {
    return id;
  }

  public String defaultModel() {
    return defaultModel;
  }

  /** The environment variable that must hold the API key, if this provider needs one. */
  public Optional<String> apiKeyVariable() {
    return apiKeyVariable;
  }

  /** Where the provider is reached when {@code api_base} is not set. */
  public Optional<String> defaultApiBase() {
    return defaultApiBase;
  }

  /** The provider a workflow file names, exact lower-case match as the reference requires. */
  public static Optional<Provider> fromId(String id) {
    return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
  }

  /** The provider used when {@code provider} is not set anywhere. */
  public static Provider defaultProvider() {
    return GOOGLE;
  }
}
