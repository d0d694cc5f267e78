package io.configurableagents.runtime.trace;

import io.configurableagents.runtime.engine.NodeExecution;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One execution of one node: loop iterations and parallel items are told apart by
 * {@link NodeExecution#iteration()} and {@link NodeExecution#item()}.
 *
 * @param end empty while the node runs
 * @param route where the run went after this execution, when an edge chose
 */
public record NodeSpan(
    String spanId, String parentSpanId, NodeExecution node, Instant startedAt, Optional<End> end, Optional<Route> route)
    implements Span {

  public NodeSpan {
    Objects.requireNonNull(spanId, "spanId");
    Objects.requireNonNull(parentSpanId, "parentSpanId");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(route, "route");
  }

  /**
   * How the execution ended.
   *
   * @param updates the state fields it wrote (values replaced by their sizes when prompts are not logged)
   * @param error present when it failed or was abandoned
   */
  public record End(Duration duration, Map<String, Object> updates, Optional<TraceError> error) {
    public End {
      Objects.requireNonNull(duration, "duration");
      updates = Collections.unmodifiableMap(new LinkedHashMap<>(updates));
      Objects.requireNonNull(error, "error");
    }
  }

  /** A choice of a conditional edge or a loop: the targets, why, and conditions that could not be evaluated. */
  public record Route(List<String> to, String reason, List<String> failedConditions) {
    public Route {
      to = List.copyOf(to);
      Objects.requireNonNull(reason, "reason");
      failedConditions = List.copyOf(failedConditions);
    }
  }

  NodeSpan ended(End how) {
    return new NodeSpan(spanId, parentSpanId, node, startedAt, Optional.of(how), route);
  }

  NodeSpan routed(Route chosen) {
    return new NodeSpan(spanId, parentSpanId, node, startedAt, end, Optional.of(chosen));
  }

  @Override
  public Optional<Duration> duration() {
    return end.map(End::duration);
  }

  @Override
  public SpanStatus status() {
    return end.map(e -> e.error().isPresent() ? SpanStatus.ERROR : SpanStatus.OK).orElse(SpanStatus.RUNNING);
  }

  @Override
  public Optional<String> errorMessage() {
    return end.flatMap(End::error).map(TraceError::message);
  }

  public Optional<TraceError> error() {
    return end.flatMap(End::error);
  }
}
