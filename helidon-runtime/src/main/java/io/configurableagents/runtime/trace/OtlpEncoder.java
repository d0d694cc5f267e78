package io.configurableagents.runtime.trace;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Traces as an OTLP {@code ExportTraceServiceRequest} in protobuf: one resource (the service),
 * one scope, and for each trace its root span, node spans, LLM spans and tool spans with their attributes
 * (see {@link SpanAttributes}).
 */
final class OtlpEncoder {
  static final String SCOPE = "io.configurableagents.runtime";
  private static final HexFormat HEX = HexFormat.of();
  private static final int KIND_INTERNAL = 1;
  private static final int KIND_CLIENT = 3;
  private static final int STATUS_OK = 1;
  private static final int STATUS_ERROR = 2;

  private final Map<String, Object> resource;
  private final String scopeVersion;
  private final Map<String, NodeFacts> nodes;

  /** @param nodes the workflow's nodes ({@link NodeFacts#of}) */
  OtlpEncoder(Map<String, Object> resource, String scopeVersion, Map<String, NodeFacts> nodes) {
    this.resource = Map.copyOf(resource);
    this.scopeVersion = scopeVersion;
    this.nodes = Map.copyOf(nodes);
  }

  byte[] encode(List<Trace> traces) {
    return ProtoWriter.message(request -> request.message(1, resourceSpans -> {
      resourceSpans.message(1, res -> attributes(res, 1, resource));
      resourceSpans.message(2, scopeSpans -> {
        scopeSpans.message(1, scope -> scope.string(1, SCOPE).string(2, scopeVersion));
        traces.forEach(trace -> spans(scopeSpans, trace));
      });
    }));
  }

  private void spans(ProtoWriter scopeSpans, Trace trace) {
    TraceSummary run = trace.summary();
    Instant end = trace.endedAt(run.startedAt().plus(run.duration()));
    scopeSpans.message(2, span -> {
      ids(span, trace.traceId(), trace.spanId(), trace.parentSpanId().orElse(""));
      times(span.string(5, "invoke_agent " + run.workflow()).int64(6, KIND_INTERNAL), run.startedAt(), end);
      attributes(span, 9, SpanAttributes.ofRun(trace));
      status(span, run.error().map(TraceError::message).orElse(""), run.status() == RunStatus.COMPLETED);
    });
    for (Span s : trace.spans()) {
      scopeSpans.message(2, span -> span(span, trace, s, end));
    }
  }

  private void span(ProtoWriter span, Trace trace, Span s, Instant runEnd) {
    ids(span, trace.traceId(), s.spanId(), s.parentSpanId());
    switch (s) {
      case NodeSpan n -> {
        span.string(5, "node " + n.node()).int64(6, KIND_INTERNAL);
        times(span, n.startedAt(), n.endedAt(runEnd));
        attributes(span, 9, SpanAttributes.ofNode(n, facts(n.node().nodeId())));
        n.route().ifPresent(route -> span.message(11, event -> {
          event.fixed64(1, nanos(n.endedAt(runEnd))).string(2, "route");
          attributes(event, 3, SpanAttributes.ofRoute(route));
        }));
      }
      case LlmSpan l -> {
        span.string(5, "chat " + l.target().model()).int64(6, KIND_CLIENT);
        times(span, l.startedAt(), l.endedAt(runEnd));
        attributes(span, 9, SpanAttributes.ofAttempt(l, facts(l.node().nodeId())));
      }
      case ToolSpan t -> {
        span.string(5, "execute_tool " + t.tool()).int64(6, KIND_INTERNAL);
        times(span, t.startedAt(), t.endedAt(runEnd));
        attributes(span, 9, SpanAttributes.ofTool(t));
      }
    }
    status(span, s.errorMessage().orElse(""), s.status() == SpanStatus.OK);
  }

  private NodeFacts facts(String nodeId) {
    return nodes.getOrDefault(nodeId, NodeFacts.UNKNOWN);
  }

  private static void ids(ProtoWriter span, String traceId, String spanId, String parentId) {
    span.bytes(1, HEX.parseHex(traceId)).bytes(2, HEX.parseHex(spanId));
    if (!parentId.isEmpty()) {
      span.bytes(4, HEX.parseHex(parentId));
    }
  }

  private static ProtoWriter times(ProtoWriter span, Instant start, Instant end) {
    return span.fixed64(7, nanos(start)).fixed64(8, nanos(end));
  }

  private static void status(ProtoWriter span, String message, boolean ok) {
    span.message(15, status -> status.string(2, ok ? "" : message).int64(3, ok ? STATUS_OK : STATUS_ERROR));
  }

  private static void attributes(ProtoWriter message, int field, Map<String, Object> attributes) {
    attributes.forEach((key, value) -> message.message(field, kv -> kv.string(1, key).message(2, any -> value(any, value))));
  }

  private static void value(ProtoWriter any, Object value) {
    switch (value) {
      case String s -> any.stringAlways(1, s);
      case Boolean b -> any.boolAlways(2, b);
      case Integer i -> any.int64Always(3, i);
      case Long l -> any.int64Always(3, l);
      case Double d -> any.doubleAlways(4, d);
      case List<?> list -> any.message(5, array -> list.forEach(v -> array.message(1, item -> value(item, v))));
      default -> any.stringAlways(1, String.valueOf(value));
    }
  }

  static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
