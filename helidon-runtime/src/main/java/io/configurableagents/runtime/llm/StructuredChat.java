package io.configurableagents.runtime.llm;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * How one provider is asked for a structured answer through LangChain4j, and where the answer
 * comes back: the model to use, the request (one user message, no system prompt, the schema in the
 * provider's native form, see {@link OutputSchemas}, made once per schema by {@link WireSchemas}),
 * and the raw JSON text of the answer.
 */
sealed interface StructuredChat
    permits StructuredChat.OpenAiCompatible, StructuredChat.Gemini, StructuredChat.Anthropic {

  ChatModel model(LlmRequest request);

  ChatRequest chatRequest(LlmRequest request);

  /** The answer's JSON text, empty when the model gave none. */
  String answerText(ChatResponse response);

  /**
   * OpenAI and Ollama: {@code response_format} json_schema, strict when workflow-core's {@code
   * JsonSchemas.isStrictCompatible} says the schema allows it.
   */
  record OpenAiCompatible(ChatModel strict, ChatModel lenient, WireSchemas schemas) implements StructuredChat {
    @Override
    public ChatModel model(LlmRequest request) {
      return schemas.of(request).strict() ? strict : lenient;
    }

    @Override
    public ChatRequest chatRequest(LlmRequest request) {
      return jsonSchemaRequest(request, schemas);
    }

    @Override
    public String answerText(ChatResponse response) {
      return textOf(response);
    }
  }

  /** Gemini: {@code responseMimeType: application/json} and {@code responseJsonSchema}. */
  record Gemini(ChatModel model, WireSchemas schemas) implements StructuredChat {
    @Override
    public ChatModel model(LlmRequest request) {
      return model;
    }

    @Override
    public ChatRequest chatRequest(LlmRequest request) {
      return jsonSchemaRequest(request, schemas);
    }

    @Override
    public String answerText(ChatResponse response) {
      return textOf(response);
    }
  }

  /** Anthropic: one tool carrying the schema, and the model made to call it. */
  record Anthropic(ChatModel model, WireSchemas schemas) implements StructuredChat {
    @Override
    public ChatModel model(LlmRequest request) {
      return model;
    }

    @Override
    public ChatRequest chatRequest(LlmRequest request) {
      return ChatRequest.builder()
          .messages(UserMessage.from(request.prompt()))
          .toolSpecifications(schemas.of(request).answerTool())
          .toolChoice(ToolChoice.REQUIRED)
          .build();
    }

    @Override
    public String answerText(ChatResponse response) {
      var calls = response.aiMessage().toolExecutionRequests();
      if (calls != null && !calls.isEmpty() && calls.get(0).arguments() != null) {
        return calls.get(0).arguments();
      }
      return textOf(response);
    }
  }

  private static ChatRequest jsonSchemaRequest(LlmRequest request, WireSchemas schemas) {
    return ChatRequest.builder()
        .messages(UserMessage.from(request.prompt()))
        .responseFormat(schemas.of(request).responseFormat())
        .build();
  }

  private static String textOf(ChatResponse response) {
    String text = response.aiMessage().text();
    return text == null ? "" : text;
  }
}
