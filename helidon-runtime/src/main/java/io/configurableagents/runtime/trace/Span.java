package io.configurableagents.runtime.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One span of a trace: a node execution, an LLM attempt or a tool call. The run itself is the root span, held
 * by the {@link Trace}.
 */
public sealed interface Span permits NodeSpan, LlmSpan, ToolSpan {

  String spanId();

  /** The run's span for a node, the node's span for an LLM attempt or a tool call. */
  String parentSpanId();

  Instant startedAt();

  /** Empty while the span is still open. */
  Optional<Duration> duration();

  SpanStatus status();

  /** What went wrong, for a span that ended in error. */
  Optional<String> errorMessage();

  /** When the span ended, or {@code orElse} for an open span. */
  default Instant endedAt(Instant orElse) {
    return duration().map(startedAt()::plus).orElse(orElse);
  }
}
