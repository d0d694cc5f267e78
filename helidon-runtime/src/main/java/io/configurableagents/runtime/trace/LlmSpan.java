package io.configurableagents.runtime.trace;

import io.configurableagents.runtime.engine.NodeExecution;
import io.configurableagents.runtime.llm.LlmTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One LLM attempt of one node execution.
 *
 * @param attempt 1-based
 * @param prompt the rendered prompt (only its size when prompts are not logged)
 * @param end empty while the call is in flight
 */
public record LlmSpan(
    String spanId,
    String parentSpanId,
    NodeExecution node,
    int attempt,
    LlmTarget target,
    Instant startedAt,
    Payload prompt,
    Optional<End> end)
    implements Span {

  public LlmSpan {
    Objects.requireNonNull(spanId, "spanId");
    Objects.requireNonNull(parentSpanId, "parentSpanId");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(end, "end");
  }

  /** The outcomes of an attempt, with their wire names. */
  public enum Outcome {
    ACCEPTED("accepted"),
    REJECTED("rejected"),
    TOOL_CALLS("tool_calls"),
    PROVIDER_FAILED("provider_failed"),
    ABANDONED("abandoned");

    private final String id;

    Outcome(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /**
   * How the attempt ended.
   *
   * @param response the raw answer, when the provider answered
   * @param responseModel the model that answered, as the provider named it
   * @param finishReason why the model stopped ({@code stop}, {@code length}, ...), when the provider said
   * @param result the parsed answer, when it was accepted (values replaced by their sizes when
   *     prompts are not logged)
   * @param retryReason why another attempt follows, when one does
   * @param error what went wrong: the provider's failure, the problem with the answer, or why
   *     the call was abandoned
   */
  public record End(
      Duration latency,
      long inputTokens,
      long outputTokens,
      Optional<Payload> response,
      Optional<String> responseModel,
      Optional<String> finishReason,
      Outcome outcome,
      Map<String, Object> result,
      Optional<String> retryReason,
      Optional<Duration> retryIn,
      Optional<String> error) {
    public End {
      Objects.requireNonNull(latency, "latency");
      Objects.requireNonNull(response, "response");
      Objects.requireNonNull(responseModel, "responseModel");
      Objects.requireNonNull(finishReason, "finishReason");
      Objects.requireNonNull(outcome, "outcome");
      result = Collections.unmodifiableMap(new LinkedHashMap<>(result));
      Objects.requireNonNull(retryReason, "retryReason");
      Objects.requireNonNull(retryIn, "retryIn");
      Objects.requireNonNull(error, "error");
    }
  }

  LlmSpan ended(End how) {
    return new LlmSpan(spanId, parentSpanId, node, attempt, target, startedAt, prompt, Optional.of(how));
  }

  @Override
  public Optional<Duration> duration() {
    return end.map(End::latency);
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
