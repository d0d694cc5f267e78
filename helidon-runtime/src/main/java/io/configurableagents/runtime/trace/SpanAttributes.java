package io.configurableagents.runtime.trace;

import io.configurableagents.core.model.Provider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attributes of exported spans: OpenTelemetry's GenAI semantic conventions where they apply
 * ({@code gen_ai.*}), {@code configurable_agents.*} for the rest. Prompts, responses and state
 * values appear only when prompts are logged; their sizes always.
 */
final class SpanAttributes {
  static final String PREFIX = "configurable_agents.";

  private SpanAttributes() {}

  /**
   * The run's root span. When prompts are logged its inputs and outputs are also GenAI messages
   * (a user message holding the inputs as JSON, an assistant message holding the outputs), which
   * MLflow shows as the request and response of the trace.
   */
  static Map<String, Object> ofRun(Trace trace) {
    TraceSummary run = trace.summary();
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("gen_ai.operation.name", "invoke_agent");
    a.put("gen_ai.agent.name", run.workflow());
    a.put(PREFIX + "job_id", run.jobId());
    a.put(PREFIX + "workflow.name", run.workflow());
    a.put(PREFIX + "workflow.version", run.workflowVersion());
    a.put(PREFIX + "run.status", run.status().id());
    a.put(PREFIX + "run.node_count", (long) run.nodeCount());
    a.put("gen_ai.usage.input_tokens", run.inputTokens());
    a.put("gen_ai.usage.output_tokens", run.outputTokens());
    if (trace.promptsLogged()) {
      String inputs = TraceJson.write(trace.inputs());
      a.put(PREFIX + "run.inputs", inputs);
      a.put("gen_ai.input.messages", messages("user", inputs, ""));
      trace.outputs().map(TraceJson::write).ifPresent(outputs -> {
        a.put(PREFIX + "run.outputs", outputs);
        a.put("gen_ai.output.messages", messages("assistant", outputs, "stop"));
      });
    }
    run.error().ifPresent(e -> a.put("error.type", e.type()));
    return a;
  }

  static Map<String, Object> ofNode(NodeSpan node, NodeFacts facts) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put(PREFIX + "node.id", node.node().nodeId());
    a.put(PREFIX + "node.type", facts.type());
    a.put(PREFIX + "node.step", (long) node.node().step());
    a.put(PREFIX + "node.iteration", (long) node.node().iteration());
    node.node().item().ifPresent(i -> a.put(PREFIX + "node.item", (long) i));
    node.end().ifPresent(end -> {
      if (!end.updates().isEmpty()) {
        a.put(PREFIX + "node.updates", TraceJson.write(end.updates()));
      }
    });
    node.error().ifPresent(e -> a.put("error.type", e.type()));
    return a;
  }

  static Map<String, Object> ofRoute(NodeSpan.Route route) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put(PREFIX + "route.to", List.copyOf(route.to()));
    a.put(PREFIX + "route.reason", route.reason());
    if (!route.failedConditions().isEmpty()) {
      a.put(PREFIX + "route.failed_conditions", List.copyOf(route.failedConditions()));
    }
    return a;
  }

  static Map<String, Object> ofAttempt(LlmSpan attempt, NodeFacts facts) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("gen_ai.operation.name", "chat");
    a.put("gen_ai.provider.name", providerName(attempt.target().provider()));
    a.put("gen_ai.request.model", attempt.target().model());
    facts.temperature().ifPresent(t -> a.put("gen_ai.request.temperature", t));
    facts.maxTokens().ifPresent(m -> a.put("gen_ai.request.max_tokens", (long) m));
    facts.serverAddress().ifPresent(host -> a.put("server.address", host));
    facts.serverPort().ifPresent(port -> a.put("server.port", (long) port));
    a.put("gen_ai.output.type", "json");
    a.put(PREFIX + "llm.attempt", (long) attempt.attempt());
    a.put(PREFIX + "llm.prompt_chars", (long) attempt.prompt().chars());
    attempt.prompt().text().ifPresent(p -> a.put("gen_ai.input.messages", messages("user", p, "")));
    attempt.end().ifPresent(end -> ended(a, end));
    return a;
  }

  /**
   * A tool call, as the GenAI conventions name it ({@code execute_tool}); its arguments and result
   * only when prompts are logged.
   */
  static Map<String, Object> ofTool(ToolSpan tool) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("gen_ai.operation.name", "execute_tool");
    a.put("gen_ai.tool.name", tool.tool());
    a.put("gen_ai.tool.type", "function");
    a.put("gen_ai.tool.call.id", tool.callId());
    tool.arguments().text().ifPresent(t -> a.put("gen_ai.tool.call.arguments", t));
    a.put(PREFIX + "node.id", tool.node().nodeId());
    a.put(PREFIX + "tool.round", (long) tool.round());
    tool.end().ifPresent(end -> {
      end.result().text().ifPresent(t -> a.put("gen_ai.tool.call.result", t));
      a.put(PREFIX + "tool.result_chars", (long) end.result().chars());
      a.put(PREFIX + "tool.duration_ms", end.duration().toNanos() / 1e6);
      end.error().ifPresent(e -> a.put("error.type", "tool_error"));
    });
    return a;
  }

  private static void ended(Map<String, Object> a, LlmSpan.End end) {
    a.put("gen_ai.usage.input_tokens", end.inputTokens());
    a.put("gen_ai.usage.output_tokens", end.outputTokens());
    a.put(PREFIX + "llm.outcome", end.outcome().id());
    a.put(PREFIX + "llm.latency_ms", end.latency().toNanos() / 1e6);
    end.responseModel().ifPresent(m -> a.put("gen_ai.response.model", m));
    end.finishReason().ifPresent(f -> a.put("gen_ai.response.finish_reasons", List.of(f)));
    end.response().ifPresent(r -> {
      a.put(PREFIX + "llm.response_chars", (long) r.chars());
      // what the provider said; a turn that asked for tools is one whatever the provider's word for it
      String finish = end.finishReason().orElse(end.outcome() == LlmSpan.Outcome.TOOL_CALLS ? "tool_call" : "");
      r.text().ifPresent(t -> a.put("gen_ai.output.messages", messages("assistant", t, finish)));
    });
    end.retryReason().ifPresent(r -> a.put(PREFIX + "llm.retry_reason", r));
    end.error().ifPresent(e -> a.put("error.type", end.outcome().id()));
  }

  /** A GenAI message list with one text part, as a JSON string (how spans carry structured values). */
  private static String messages(String role, String text, String finishReason) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("role", role);
    Map<String, Object> part = new LinkedHashMap<>();
    part.put("type", "text");
    part.put("content", text);
    message.put("parts", List.of(part));
    if (!finishReason.isEmpty()) {
      message.put("finish_reason", finishReason);
    }
    return TraceJson.write(List.of(message));
  }

  /** The well-known {@code gen_ai.provider.name} values. */
  static String providerName(Provider provider) {
    return switch (provider) {
      case GOOGLE -> "gcp.gemini";
      case OPENAI -> "openai";
      case ANTHROPIC -> "anthropic";
      case OLLAMA -> "ollama";
    };
  }
}
