package io.configurableagents.runtime.llm;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.Optional;

/** An {@link LlmClient} over a LangChain4j chat model: one exchange, LangChain4j's retries off. */
final class LangChain4jLlmClient implements LlmClient {
  private final LlmTarget target;
  private final StructuredChat chat;
  private final ProviderErrors errors;

  LangChain4jLlmClient(LlmTarget target, StructuredChat chat, ProviderErrors errors) {
    this.target = target;
    this.chat = chat;
    this.errors = errors;
  }

  @Override
  public LlmResponse complete(LlmRequest request) {
    ChatResponse response;
    try {
      response = chat.model(request).chat(chat.chatRequest(request));
    } catch (RuntimeException e) {
      throw errors.toLlmException(e);
    }
    TokenUsage usage = response.tokenUsage();
    String modelName = response.modelName() == null ? target.model() : response.modelName();
    StructuredChat.Answer answer = chat.answer(response, request);
    return new LlmResponse(
        answer.text(), count(usage == null ? null : usage.inputTokenCount()),
        count(usage == null ? null : usage.outputTokenCount()), modelName, answer.toolCalls(), finishReason(response.finishReason()));
  }

  /** LangChain4j's reason as the GenAI conventions' {@code gen_ai.response.finish_reasons} value. */
  static Optional<String> finishReason(FinishReason reason) {
    if (reason == null) {
      return Optional.empty();
    }
    return Optional.of(switch (reason) {
      case STOP -> "stop";
      case LENGTH -> "length";
      case CONTENT_FILTER -> "content_filter";
      case TOOL_EXECUTION -> "tool_call";
      case OTHER -> "other";
    });
  }

  @Override
  public LlmTarget target() {
    return target;
  }

  private static int count(Integer tokens) {
    return tokens == null ? 0 : Math.max(0, tokens);
  }
}
