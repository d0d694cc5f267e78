package io.configurableagents.runtime.trace;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.configurableagents.core.model.Provider;
import io.configurableagents.runtime.engine.NodeExecution;
import io.configurableagents.runtime.llm.LlmTarget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads what {@link TraceJson} wrote. A file that does not fit throws {@link IllegalArgumentException}. */
final class TraceParser {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private TraceParser() {}

  static TraceSummary summary(JsonNode o) {
    return new TraceSummary(
        text(o, "job_id"),
        text(o, "workflow"),
        text(o, "workflow_version"),
        RunStatus.fromId(text(o, "status")).orElseThrow(() -> new IllegalArgumentException("unknown status")),
        TraceJson.instant(text(o, "started_at")),
        optionalText(o, "ended_at").map(TraceJson::instant),
        TraceJson.duration(o.path("duration_ms").asDouble()),
        o.path("node_count").asInt(),
        o.path("llm_attempts").asInt(),
        o.path("input_tokens").asLong(),
        o.path("output_tokens").asLong(),
        error(o.get("error")));
  }

  static Trace trace(JsonNode o) {
    List<Span> spans = new ArrayList<>();
    o.path("spans").forEach(s -> spans.add(switch (text(s, "kind")) {
      case "node" -> node(s);
      case "tool" -> tool(s);
      default -> attempt(s);
    }));
    return new Trace(
        summary(require(o, "summary")),
        text(o, "trace_id"),
        text(o, "span_id"),
        optionalText(o, "parent_span_id"),
        o.path("prompts_logged").asBoolean(),
        o.path("spans_dropped").asLong(),
        values(o.get("inputs")),
        Optional.ofNullable(o.get("outputs")).map(TraceParser::values),
        spans);
  }

  private static NodeSpan node(JsonNode s) {
    Optional<NodeSpan.End> end =
        s.has("duration_ms")
            ? Optional.of(new NodeSpan.End(TraceJson.duration(s.get("duration_ms").asDouble()), values(s.get("updates")), error(s.get("error"))))
            : Optional.empty();
    Optional<NodeSpan.Route> route = Optional.ofNullable(s.get("route")).map(r -> new NodeSpan.Route(strings(r.get("to")), text(r, "reason"), strings(r.get("failed_conditions"))));
    return new NodeSpan(text(s, "span_id"), text(s, "parent_span_id"), execution(s), TraceJson.instant(text(s, "started_at")), end, route);
  }

  private static ToolSpan tool(JsonNode s) {
    Optional<ToolSpan.End> end = s.has("duration_ms")
        ? Optional.of(new ToolSpan.End(TraceJson.duration(s.get("duration_ms").asDouble()), payload(s.get("result")), optionalText(s, "error")))
        : Optional.empty();
    return new ToolSpan(text(s, "span_id"), text(s, "parent_span_id"), execution(s), s.path("round").asInt(),
        text(s, "call_id"), text(s, "tool"), TraceJson.instant(text(s, "started_at")), payload(s.get("arguments")), end);
  }

  private static LlmSpan attempt(JsonNode s) {
    Provider provider = Arrays.stream(Provider.values()).filter(p -> p.id().equals(text(s, "provider"))).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown provider"));
    Optional<LlmSpan.End> end = s.has("outcome") ? Optional.of(attemptEnd(s)) : Optional.empty();
    return new LlmSpan(
        text(s, "span_id"), text(s, "parent_span_id"), execution(s), s.path("attempt").asInt(),
        new LlmTarget(provider, text(s, "model")), TraceJson.instant(text(s, "started_at")), payload(s.get("prompt")), end);
  }

  private static LlmSpan.End attemptEnd(JsonNode s) {
    LlmSpan.Outcome outcome = Arrays.stream(LlmSpan.Outcome.values()).filter(v -> v.id().equals(text(s, "outcome"))).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown outcome"));
    return new LlmSpan.End(
        TraceJson.duration(s.path("latency_ms").asDouble()),
        s.path("input_tokens").asLong(),
        s.path("output_tokens").asLong(),
        Optional.ofNullable(s.get("response")).map(TraceParser::payload),
        optionalText(s, "response_model"),
        optionalText(s, "finish_reason"),
        outcome,
        values(s.get("result")),
        optionalText(s, "retry_reason"),
        Optional.ofNullable(s.get("retry_in_ms")).map(d -> TraceJson.duration(d.asDouble())),
        optionalText(s, "error"));
  }

  private static NodeExecution execution(JsonNode s) {
    OptionalInt item = s.has("item") ? OptionalInt.of(s.get("item").asInt()) : OptionalInt.empty();
    return new NodeExecution(text(s, "node_id"), s.path("step").asInt(), s.path("iteration").asInt(), item);
  }

  private static Payload payload(JsonNode p) {
    if (p == null) {
      throw new IllegalArgumentException("a prompt or response is missing");
    }
    return new Payload(optionalText(p, "text"), p.path("chars").asInt(), p.path("truncated").asBoolean());
  }

  private static Optional<TraceError> error(JsonNode e) {
    return Optional.ofNullable(e).map(x -> new TraceError(text(x, "type"), optionalText(x, "node"), text(x, "message")));
  }

  private static Map<String, Object> values(JsonNode o) {
    return o == null ? Map.of() : TraceJson.MAPPER.convertValue(o, MAP);
  }

  private static List<String> strings(JsonNode a) {
    List<String> out = new ArrayList<>();
    if (a != null) {
      a.forEach(v -> out.add(v.asText()));
    }
    return out;
  }

  private static JsonNode require(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("\"" + field + "\" is missing");
    }
    return v;
  }

  private static String text(JsonNode o, String field) {
    return require(o, field).asText();
  }

  private static Optional<String> optionalText(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }
}
