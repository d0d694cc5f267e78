package io.configurableagents.runtime.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.runtime.engine.NodeExecution;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Traces as JSON: the format of the store's files and of the page's API ({@code docs/traces.md}).
 * Times are ISO-8601 instants, durations milliseconds with microsecond precision; absent values
 * are left out. {@link TraceParser} reads it back.
 */
public final class TraceJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private TraceJson() {}

  /** Any JSON data model value (maps, lists, strings, numbers, booleans) as compact JSON text. */
  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a traced value is not JSON data: " + e.getOriginalMessage(), e);
    }
  }

  public static ObjectNode summary(TraceSummary s) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("job_id", s.jobId());
    o.put("workflow", s.workflow());
    o.put("workflow_version", s.workflowVersion());
    o.put("status", s.status().id());
    o.put("started_at", s.startedAt().toString());
    s.endedAt().ifPresent(t -> o.put("ended_at", t.toString()));
    o.put("duration_ms", millis(s.duration()));
    o.put("node_count", s.nodeCount());
    o.put("llm_attempts", s.llmAttempts());
    o.put("input_tokens", s.inputTokens());
    o.put("output_tokens", s.outputTokens());
    s.error().ifPresent(e -> o.set("error", error(e)));
    return o;
  }

  public static ObjectNode trace(Trace t) {
    ObjectNode o = MAPPER.createObjectNode();
    o.set("summary", summary(t.summary()));
    o.put("trace_id", t.traceId());
    o.put("span_id", t.spanId());
    o.put("prompts_logged", t.promptsLogged());
    o.put("spans_dropped", t.spansDropped());
    o.set("inputs", values(t.inputs()));
    t.outputs().ifPresent(v -> o.set("outputs", values(v)));
    var spans = o.putArray("spans");
    t.spans().forEach(s -> spans.add(span(s)));
    return o;
  }

  private static ObjectNode span(Span s) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("kind", s instanceof NodeSpan ? "node" : "llm");
    o.put("span_id", s.spanId());
    o.put("parent_span_id", s.parentSpanId());
    o.put("status", s.status().id());
    o.put("started_at", s.startedAt().toString());
    s.duration().ifPresent(d -> o.put("duration_ms", millis(d)));
    switch (s) {
      case NodeSpan n -> node(o, n);
      case LlmSpan l -> attempt(o, l);
    }
    return o;
  }

  private static void node(ObjectNode o, NodeSpan n) {
    execution(o, n.node());
    n.end().ifPresent(end -> {
      o.set("updates", values(end.updates()));
      end.error().ifPresent(e -> o.set("error", error(e)));
    });
    n.route().ifPresent(r -> {
      ObjectNode route = o.putObject("route");
      r.to().forEach(route.putArray("to")::add);
      route.put("reason", r.reason());
      r.failedConditions().forEach(route.putArray("failed_conditions")::add);
    });
  }

  private static void attempt(ObjectNode o, LlmSpan l) {
    execution(o, l.node());
    o.put("attempt", l.attempt());
    o.put("provider", l.target().provider().id());
    o.put("model", l.target().model());
    o.set("prompt", payload(l.prompt()));
    l.end().ifPresent(end -> {
      o.put("latency_ms", millis(end.latency()));
      o.put("input_tokens", end.inputTokens());
      o.put("output_tokens", end.outputTokens());
      end.response().ifPresent(r -> o.set("response", payload(r)));
      o.put("outcome", end.outcome().id());
      o.set("result", values(end.result()));
      end.retryReason().ifPresent(r -> o.put("retry_reason", r));
      end.retryIn().ifPresent(d -> o.put("retry_in_ms", millis(d)));
      end.error().ifPresent(e -> o.put("error", e));
    });
  }

  private static void execution(ObjectNode o, NodeExecution node) {
    o.put("node_id", node.nodeId());
    o.put("step", node.step());
    o.put("iteration", node.iteration());
    node.item().ifPresent(i -> o.put("item", i));
  }

  private static ObjectNode payload(Payload p) {
    ObjectNode o = MAPPER.createObjectNode();
    p.text().ifPresent(t -> o.put("text", t));
    o.put("chars", p.chars());
    o.put("truncated", p.truncated());
    return o;
  }

  private static ObjectNode error(TraceError e) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("type", e.type());
    e.node().ifPresent(n -> o.put("node", n));
    o.put("message", e.message());
    return o;
  }

  private static ObjectNode values(Map<String, Object> values) {
    return MAPPER.valueToTree(values);
  }

  static double millis(Duration d) {
    return d.toNanos() / 1e6;
  }

  static Duration duration(double millis) {
    return Duration.ofNanos(Math.round(millis * 1e6));
  }

  static Instant instant(String text) {
    return Instant.parse(text);
  }
}
