package io.configurableagents.runtime.trace;

import io.configurableagents.runtime.engine.NodeExecution;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One tool call of one node execution, a child of the node's span beside its LLM attempts.
 *
 * @param round the node execution's 1-based tool round (the calls of one model turn share it)
 * @param callId the provider's id of the call
 * @param arguments the input the model wrote (only its size when prompts are not logged)
 * @param end empty while the call runs
 */
public record ToolSpan(
    String spanId,
    String parentSpanId,
    NodeExecution node,
    int round,
    String callId,
    String tool,
    Instant startedAt,
    Payload arguments,
    Optional<End> end)
    implements Span {

  public ToolSpan {
    Objects.requireNonNull(spanId, "spanId");
    Objects.requireNonNull(parentSpanId, "parentSpanId");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(arguments, "arguments");
    Objects.requireNonNull(end, "end");
  }

  /**
   * How the call ended.
   *
   * @param result what went back to the model (only its size when prompts are not logged)
   * @param error present when the call failed
   */
  public record End(Duration duration, Payload result, Optional<String> error) {
    public End {
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(error, "error");
    }
  }

  ToolSpan ended(End how) {
    return new ToolSpan(spanId, parentSpanId, node, round, callId, tool, startedAt, arguments, Optional.of(how));
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
    return end.flatMap(End::error);
  }
}
