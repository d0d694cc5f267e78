package io.configurableagents.runtime.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * How one provider is asked for a structured answer through LangChain4j, and where the answer
 * comes back: the model to use, the request (the prompt as the first user message, no system
 * prompt, the schema in the provider's native form, see {@link OutputSchemas}, made once per schema
 * by {@link WireSchemas}; the node's tools and the tool rounds so far, when it has tools), and the
 * answer: its raw JSON text, or the tool calls the model asked for.
 */
sealed interface StructuredChat
    permits StructuredChat.OpenAiCompatible, StructuredChat.Gemini, StructuredChat.Anthropic {

  ChatModel model(LlmRequest request);

  ChatRequest chatRequest(LlmRequest request);

  /** The answer, or the tool calls; the text is empty when the model gave none. */
  Answer answer(ChatResponse response, LlmRequest request);

  /** What one exchange produced. */
  record Answer(String text, List<ToolCall> toolCalls) {}

  /**
   * OpenAI and Ollama: {@code response_format} json_schema, strict when workflow-core's {@code
   * JsonSchemas.isStrictCompatible} says the schema allows it; the node's tools beside it (the
   * model calls them, then answers in the format).
   */
  record OpenAiCompatible(ChatModel strict, ChatModel lenient, WireSchemas schemas) implements StructuredChat {
    @Override
    public ChatModel model(LlmRequest request) {
      return schemas.of(request).strict() ? strict : lenient;
    }

    @Override
    public ChatRequest chatRequest(LlmRequest request) {
      ChatRequest.Builder builder =
          ChatRequest.builder().messages(messages(request)).responseFormat(schemas.of(request).responseFormat());
      if (request.hasTools()) {
        builder.toolSpecifications(toolSpecifications(request, schemas));
      }
      return builder.build();
    }

    @Override
    public Answer answer(ChatResponse response, LlmRequest request) {
      AiMessage message = response.aiMessage();
      if (message.hasToolExecutionRequests()) {
        return new Answer("", calls(message.toolExecutionRequests()));
      }
      return new Answer(textOf(message), List.of());
    }
  }

  /**
   * Gemini: {@code responseMimeType: application/json} and {@code responseJsonSchema}. A node with
   * tools gets the answer as a function instead (Gemini 2 models refuse function calling together
   * with a JSON response type): the node's tools plus {@code Output_<node>}, and the model made to
   * call one of them ({@code functionCallingConfig} mode {@code ANY}); a call of the answer function
   * is the answer.
   */
  record Gemini(ChatModel model, WireSchemas schemas) implements StructuredChat {
    @Override
    public ChatModel model(LlmRequest request) {
      return model;
    }

    @Override
    public ChatRequest chatRequest(LlmRequest request) {
      if (request.hasTools()) {
        return answerToolRequest(request, schemas);
      }
      return ChatRequest.builder().messages(messages(request)).responseFormat(schemas.of(request).responseFormat()).build();
    }

    @Override
    public Answer answer(ChatResponse response, LlmRequest request) {
      return answerToolAnswer(response, request);
    }
  }

  /** Anthropic: one tool carrying the schema (first), the node's tools after it, and the model made to call one. */
  record Anthropic(ChatModel model, WireSchemas schemas) implements StructuredChat {
    @Override
    public ChatModel model(LlmRequest request) {
      return model;
    }

    @Override
    public ChatRequest chatRequest(LlmRequest request) {
      return answerToolRequest(request, schemas);
    }

    @Override
    public Answer answer(ChatResponse response, LlmRequest request) {
      return answerToolAnswer(response, request);
    }
  }

  private static ChatRequest answerToolRequest(LlmRequest request, WireSchemas schemas) {
    List<ToolSpecification> tools = new ArrayList<>();
    tools.add(schemas.of(request).answerTool());
    tools.addAll(toolSpecifications(request, schemas));
    return ChatRequest.builder().messages(messages(request)).toolSpecifications(tools).toolChoice(ToolChoice.REQUIRED).build();
  }

  /** A call of the answer tool is the answer (other calls of that turn are dropped); other calls are tool calls. */
  private static Answer answerToolAnswer(ChatResponse response, LlmRequest request) {
    AiMessage message = response.aiMessage();
    List<ToolExecutionRequest> requested = message.hasToolExecutionRequests() ? message.toolExecutionRequests() : List.of();
    String answerTool = OutputSchemas.wireName(request.schemaName());
    for (ToolExecutionRequest call : requested) {
      if (answerTool.equals(call.name())) {
        return new Answer(call.arguments() == null ? "" : call.arguments(), List.of());
      }
    }
    if (!requested.isEmpty() && request.hasTools()) {
      return new Answer("", calls(requested));
    }
    return new Answer(textOf(message), List.of());
  }

  private static List<ToolSpecification> toolSpecifications(LlmRequest request, WireSchemas schemas) {
    return request.tools().stream().map(schemas::of).toList();
  }

  /** The prompt, then each tool round: the model's turn with its calls, and a result message per call. */
  private static List<ChatMessage> messages(LlmRequest request) {
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(UserMessage.from(request.prompt()));
    for (ToolRound round : request.rounds()) {
      List<ToolExecutionRequest> calls = round.calls().stream()
          .map(c -> ToolExecutionRequest.builder().id(c.id()).name(c.name()).arguments(c.arguments()).build())
          .toList();
      messages.add(round.text().isEmpty() ? AiMessage.from(calls) : AiMessage.from(round.text(), calls));
      for (int i = 0; i < calls.size(); i++) {
        messages.add(ToolExecutionResultMessage.from(calls.get(i), round.results().get(i)));
      }
    }
    return messages;
  }

  private static List<ToolCall> calls(List<ToolExecutionRequest> requested) {
    List<ToolCall> calls = new ArrayList<>(requested.size());
    for (ToolExecutionRequest r : requested) {
      calls.add(new ToolCall(r.id() == null ? "" : r.id(), r.name() == null ? "" : r.name(), r.arguments() == null ? "{}" : r.arguments()));
    }
    return calls;
  }

  private static String textOf(AiMessage message) {
    String text = message.text();
    return text == null ? "" : text;
  }
}
