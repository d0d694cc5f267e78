package io.configurableagents.runtime.llm;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds the LangChain4j chat models of one {@link ClientSettings}: every one on our HTTP client,
 * with LangChain4j's own retries off (the engine's attempt loop retries), temperature and max tokens
 * passed through when set.
 */
final class StructuredChats {
  private final Supplier<HttpClientBuilder> http;
  private final Duration requestTimeout;
  private final WireSchemas schemas = new WireSchemas();

  StructuredChats(Supplier<HttpClientBuilder> http, Duration requestTimeout) {
    this.http = http;
    this.requestTimeout = requestTimeout;
  }

  /**
   * @param apiKey the provider's key; absent only for Ollama
   */
  StructuredChat create(ClientSettings settings, Optional<String> apiKey) {
    return switch (settings.target().provider()) {
      case OPENAI, OLLAMA ->
          new StructuredChat.OpenAiCompatible(openAi(settings, apiKey, true), openAi(settings, apiKey, false), schemas);
      case GOOGLE -> new StructuredChat.Gemini(gemini(settings, apiKey.orElseThrow()), schemas);
      case ANTHROPIC -> new StructuredChat.Anthropic(anthropic(settings, apiKey.orElseThrow()), schemas);
    };
  }

  private ChatModel openAi(ClientSettings settings, Optional<String> apiKey, boolean strict) {
    return OpenAiChatModel.builder()
        .httpClientBuilder(http.get())
        .baseUrl(settings.baseUrl())
        .apiKey(apiKey.orElse(null))
        .modelName(settings.target().model())
        .temperature(settings.temperature().orElse(null))
        .maxTokens(settings.maxTokens().orElse(null))
        .strictJsonSchema(strict)
        .timeout(requestTimeout)
        .maxRetries(0)
        .build();
  }

  private ChatModel gemini(ClientSettings settings, String apiKey) {
    return GoogleAiGeminiChatModel.builder()
        .httpClientBuilder(http.get())
        .baseUrl(settings.baseUrl())
        .apiKey(apiKey)
        .modelName(settings.target().model())
        .temperature(settings.temperature().orElse(null))
        .maxOutputTokens(settings.maxTokens().orElse(null))
        .timeout(requestTimeout)
        .maxRetries(0)
        .build();
  }

  private ChatModel anthropic(ClientSettings settings, String apiKey) {
    return AnthropicChatModel.builder()
        .httpClientBuilder(http.get())
        .baseUrl(settings.baseUrl())
        .apiKey(apiKey)
        .modelName(settings.target().model())
        .temperature(settings.temperature().orElse(null))
        .maxTokens(settings.maxTokens().orElse(null))
        .timeout(requestTimeout)
        .maxRetries(0)
        .build();
  }
}
