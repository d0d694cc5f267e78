package io.configurableagents.runtime.llm;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.configurableagents.core.schema.JsonSchemas;

/**
 * How one provider is asked for a structured answer through LangChain4j, and where the answer
 * comes back: the model to use, the request (one user message, no system prompt, the schema in the
 * provider's native form, see {@link OutputSchemas}, converted once per schema: {@link PerSchema}),
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
  record OpenAiCompatible(ChatModel strict, ChatModel lenient, PerSchema<Boolean> strictness, PerSchema<ResponseFormat> formats)
      implements StructuredChat {
    OpenAiCompatible(ChatModel strict, ChatModel lenient) {
      this(strict, lenient, new PerSchema<>((name, schema) -> JsonSchemas.isStrictCompatible(schema)), jsonSchemaFormats());
    }

    @Override
    public ChatModel model(LlmRequest request) {
      return strictness.of(request) ? strict : lenient;
    }

    @Override
    public ChatRequest chatRequest(LlmRequest request) {
      return jsonSchemaRequest(request, formats);
    }

    @Override
    public String answerText(ChatResponse response) {
      return textOf(response);
    }
  }

  /** Gemini: {@code responseMimeType: application/json} and {@code responseJsonSchema}. */
  record Gemini(ChatModel model, PerSchema<ResponseFormat> formats) implements StructuredChat {
    Gemini(ChatModel model) {
      this(model, jsonSchemaFormats());
    }

    @Override
    public ChatModel model(LlmRequest request) {
      return model;
    }

    @Override
    public ChatRequest chatRequest(LlmRequest request) {
      return jsonSchemaRequest(request, formats);
    }

    @Override
    public String answerText(ChatResponse response) {
      return textOf(response);
    }
  }

  /** Anthropic: one tool carrying the schema, and the model made to call it. */
  record Anthropic(ChatModel model, PerSchema<ToolSpecification> tools) implements StructuredChat {
    Anthropic(ChatModel model) {
      this(model, new PerSchema<>(OutputSchemas::answerTool));
    }

    @Override
    public ChatModel model(LlmRequest request) {
      return model;
    }

    @Override
    public ChatRequest chatRequest(LlmRequest request) {
      return ChatRequest.builder()
          .messages(UserMessage.from(request.prompt()))
          .toolSpecifications(tools.of(request))
          .toolChoice(dev.langchain4j.model.chat.request.ToolChoice.REQUIRED)
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

  private static PerSchema<ResponseFormat> jsonSchemaFormats() {
    return new PerSchema<>(
        (name, schema) ->
            ResponseFormat.builder()
                .type(ResponseFormatType.JSON)
                .jsonSchema(OutputSchemas.langChainSchema(name, schema))
                .build());
  }

  private static ChatRequest jsonSchemaRequest(LlmRequest request, PerSchema<ResponseFormat> formats) {
    return ChatRequest.builder().messages(UserMessage.from(request.prompt())).responseFormat(formats.of(request)).build();
  }

  private static String textOf(ChatResponse response) {
    String text = response.aiMessage().text();
    return text == null ? "" : text;
  }
}
