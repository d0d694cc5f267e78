package io.configurableagents.runtime.trace;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.configurableagents.runtime.engine.NodeExecution;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Traces as JSON: the format of the store's records and of the page's API ({@code docs/traces.md}).
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

  /** The summary as a JSON tree (for the page's API). */
  public static ObjectNode summary(TraceSummary s) {
    return tree(g -> writeSummary(g, s));
  }

  /** The whole trace as compact JSON, written straight from the trace (the store's records, the page's API). */
  public static byte[] bytes(Trace t) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (JsonGenerator g = MAPPER.createGenerator(out)) {
      writeTrace(g, t);
    }
    return out.toByteArray();
  }

  private interface Writer {
    void write(JsonGenerator g) throws IOException;
  }

  private static ObjectNode tree(Writer writer) {
    try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
      writer.write(buffer);
      return MAPPER.readTree(buffer.asParser(MAPPER));
    } catch (IOException e) {
      throw new UncheckedIOException("a trace summary cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  private static void writeSummary(JsonGenerator g, TraceSummary s) throws IOException {
    g.writeStartObject();
    g.writeStringField("job_id", s.jobId());
    g.writeStringField("workflow", s.workflow());
    g.writeStringField("workflow_version", s.workflowVersion());
    g.writeStringField("status", s.status().id());
    g.writeStringField("started_at", s.startedAt().toString());
    if (s.endedAt().isPresent()) {
      g.writeStringField("ended_at", s.endedAt().get().toString());
    }
    g.writeNumberField("duration_ms", millis(s.duration()));
    g.writeNumberField("node_count", s.nodeCount());
    g.writeNumberField("llm_attempts", s.llmAttempts());
    g.writeNumberField("input_tokens", s.inputTokens());
    g.writeNumberField("output_tokens", s.outputTokens());
    if (s.error().isPresent()) {
      g.writeFieldName("error");
      writeError(g, s.error().get());
    }
    g.writeEndObject();
  }

  private static void writeTrace(JsonGenerator g, Trace t) throws IOException {
    g.writeStartObject();
    g.writeFieldName("summary");
    writeSummary(g, t.summary());
    g.writeStringField("trace_id", t.traceId());
    g.writeStringField("span_id", t.spanId());
    if (t.parentSpanId().isPresent()) {
      g.writeStringField("parent_span_id", t.parentSpanId().get());
    }
    g.writeBooleanField("prompts_logged", t.promptsLogged());
    g.writeNumberField("spans_dropped", t.spansDropped());
    g.writeObjectField("inputs", t.inputs());
    if (t.outputs().isPresent()) {
      g.writeObjectField("outputs", t.outputs().get());
    }
    g.writeArrayFieldStart("spans");
    for (Span span : t.spans()) {
      writeSpan(g, span);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeSpan(JsonGenerator g, Span s) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", switch (s) {
      case NodeSpan n -> "node";
      case LlmSpan l -> "llm";
      case ToolSpan t -> "tool";
    });
    g.writeStringField("span_id", s.spanId());
    g.writeStringField("parent_span_id", s.parentSpanId());
    g.writeStringField("status", s.status().id());
    g.writeStringField("started_at", s.startedAt().toString());
    if (s.duration().isPresent()) {
      g.writeNumberField("duration_ms", millis(s.duration().get()));
    }
    switch (s) {
      case NodeSpan n -> writeNode(g, n);
      case LlmSpan l -> writeAttempt(g, l);
      case ToolSpan t -> writeTool(g, t);
    }
    g.writeEndObject();
  }

  private static void writeNode(JsonGenerator g, NodeSpan n) throws IOException {
    writeExecution(g, n.node());
    if (n.end().isPresent()) {
      NodeSpan.End end = n.end().get();
      g.writeObjectField("updates", end.updates());
      if (end.error().isPresent()) {
        g.writeFieldName("error");
        writeError(g, end.error().get());
      }
    }
    if (n.route().isPresent()) {
      var r = n.route().get();
      g.writeObjectFieldStart("route");
      writeStrings(g, "to", r.to());
      g.writeStringField("reason", r.reason());
      writeStrings(g, "failed_conditions", r.failedConditions());
      g.writeEndObject();
    }
  }

  private static void writeAttempt(JsonGenerator g, LlmSpan l) throws IOException {
    writeExecution(g, l.node());
    g.writeNumberField("attempt", l.attempt());
    g.writeStringField("provider", l.target().provider().id());
    g.writeStringField("model", l.target().model());
    g.writeFieldName("prompt");
    writePayload(g, l.prompt());
    if (l.end().isPresent()) {
      LlmSpan.End end = l.end().get();
      g.writeNumberField("latency_ms", millis(end.latency()));
      g.writeNumberField("input_tokens", end.inputTokens());
      g.writeNumberField("output_tokens", end.outputTokens());
      if (end.response().isPresent()) {
        g.writeFieldName("response");
        writePayload(g, end.response().get());
      }
      if (end.responseModel().isPresent()) {
        g.writeStringField("response_model", end.responseModel().get());
      }
      if (end.finishReason().isPresent()) {
        g.writeStringField("finish_reason", end.finishReason().get());
      }
      g.writeStringField("outcome", end.outcome().id());
      g.writeObjectField("result", end.result());
      if (end.retryReason().isPresent()) {
        g.writeStringField("retry_reason", end.retryReason().get());
      }
      if (end.retryIn().isPresent()) {
        g.writeNumberField("retry_in_ms", millis(end.retryIn().get()));
      }
      if (end.error().isPresent()) {
        g.writeStringField("error", end.error().get());
      }
    }
  }

  private static void writeTool(JsonGenerator g, ToolSpan t) throws IOException {
    writeExecution(g, t.node());
    g.writeNumberField("round", t.round());
    g.writeStringField("call_id", t.callId());
    g.writeStringField("tool", t.tool());
    g.writeFieldName("arguments");
    writePayload(g, t.arguments());
    if (t.end().isPresent()) {
      ToolSpan.End end = t.end().get();
      g.writeFieldName("result");
      writePayload(g, end.result());
      if (end.error().isPresent()) {
        g.writeStringField("error", end.error().get());
      }
    }
  }

  private static void writeExecution(JsonGenerator g, NodeExecution node) throws IOException {
    g.writeStringField("node_id", node.nodeId());
    g.writeNumberField("step", node.step());
    g.writeNumberField("iteration", node.iteration());
    if (node.item().isPresent()) {
      g.writeNumberField("item", node.item().getAsInt());
    }
  }

  private static void writePayload(JsonGenerator g, Payload p) throws IOException {
    g.writeStartObject();
    if (p.text().isPresent()) {
      g.writeStringField("text", p.text().get());
    }
    g.writeNumberField("chars", p.chars());
    g.writeBooleanField("truncated", p.truncated());
    g.writeEndObject();
  }

  private static void writeError(JsonGenerator g, TraceError e) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", e.type());
    if (e.node().isPresent()) {
      g.writeStringField("node", e.node().get());
    }
    g.writeStringField("message", e.message());
    g.writeEndObject();
  }

  private static void writeStrings(JsonGenerator g, String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String value : values) {
      g.writeString(value);
    }
    g.writeEndArray();
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
