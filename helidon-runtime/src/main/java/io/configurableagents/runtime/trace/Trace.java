package io.configurableagents.runtime.trace;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything recorded about one run: the run (the root span), each node execution and each LLM
 * attempt. Immutable: a snapshot of a run still going, or a finished run.
 *
 * @param traceId 32 hex digits, the OpenTelemetry trace id
 * @param spanId 16 hex digits, the run's own (root) span
 * @param parentSpanId the caller's span, when the run joined the caller's trace ({@code traceparent})
 * @param promptsLogged false when prompts, responses and answers were kept out (only sizes)
 * @param spansDropped spans of this run not kept because the run had more than the recorder's limit
 * @param inputs the run's initial state
 * @param outputs the final state, for a completed run
 * @param spans node spans and LLM spans, in the order they started
 */
public record Trace(
    TraceSummary summary,
    String traceId,
    String spanId,
    Optional<String> parentSpanId,
    boolean promptsLogged,
    long spansDropped,
    Map<String, Object> inputs,
    Optional<Map<String, Object>> outputs,
    List<Span> spans) {

  public Trace {
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(spanId, "spanId");
    Objects.requireNonNull(parentSpanId, "parentSpanId");
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    Objects.requireNonNull(outputs, "outputs");
    spans = List.copyOf(spans);
  }

  public String jobId() {
    return summary.jobId();
  }

  /** When the run ended, or {@code orElse} for a run still going. */
  public Instant endedAt(Instant orElse) {
    return summary.endedAt().orElse(orElse);
  }
}
