package io.configurableagents.runtime.engine;

import io.configurableagents.runtime.llm.LlmTarget;
import io.configurableagents.runtime.llm.ToolCall;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a run does, as typed events, each with the run id and a timestamp. Per run, the
 * first event is {@link RunStarted} and the last {@link RunFinished}; in between, the events of
 * one branch come in order, and the branches of a fan-out or the items of a {@code parallel} map
 * interleave. Attempt events refer to the node execution they belong to by its
 * {@link NodeExecution#step()}.
 */
public sealed interface RunEvent {
  String runId();

  Instant timestamp();

  /**
   * The run begins: its inputs have been coerced into the initial state.
   *
   * @param traceParent the caller's trace context, when the request carried one
   */
  record RunStarted(String runId, Instant timestamp, String workflow, Map<String, Object> initialState, Optional<TraceParent> traceParent)
      implements RunEvent {
    public RunStarted {
      initialState = Collections.unmodifiableMap(new LinkedHashMap<>(initialState));
      Objects.requireNonNull(traceParent, "traceParent");
    }
  }

  /** A node execution begins. */
  record NodeStarted(String runId, Instant timestamp, NodeExecution node) implements RunEvent {}

  /**
   * A node execution ended well.
   *
   * @param updates the state fields it wrote (for a {@code parallel} item: what it produced, which is
   *     collected rather than written)
   */
  record NodeFinished(
      String runId, Instant timestamp, NodeExecution node, Duration duration, Map<String, Object> updates)
      implements RunEvent {
    public NodeFinished {
      updates = Collections.unmodifiableMap(new LinkedHashMap<>(updates));
    }
  }

  /** A node execution failed or was abandoned (cancellation, deadline, a sibling branch's failure). */
  record NodeFailed(String runId, Instant timestamp, NodeExecution node, Duration duration, RunError error)
      implements RunEvent {}

  /**
   * An LLM attempt begins: one exchange with the provider.
   *
   * @param attempt the node execution's 1-based exchange number: the attempt number for a node
   *     without tools; with tools, each round of tool calls is followed by a new exchange, so the
   *     number counts exchanges (unique within the node execution)
   * @param prompt the rendered prompt sent as the one user message (with the clarification note
   *     on attempts after a rejected answer)
   */
  record LlmAttemptStarted(
      String runId, Instant timestamp, NodeExecution node, int attempt, LlmTarget target, String prompt)
      implements RunEvent {}

  /**
   * An LLM attempt ended.
   *
   * @param response the raw answer text, when the provider answered
   * @param responseModel the model that answered, as the provider named it, when it answered
   * @param finishReason why the model stopped ({@code stop}, {@code length}, ...), when the provider said
   * @param retryIn present when another attempt follows, after this delay (back-off or
   *     {@code Retry-After}); the outcome says why
   */
  record LlmAttemptFinished(
      String runId,
      Instant timestamp,
      NodeExecution node,
      int attempt,
      LlmTarget target,
      Duration latency,
      long inputTokens,
      long outputTokens,
      Optional<String> response,
      Optional<String> responseModel,
      Optional<String> finishReason,
      AttemptOutcome outcome,
      Optional<Duration> retryIn)
      implements RunEvent {
    public LlmAttemptFinished {
      Objects.requireNonNull(response, "response");
      Objects.requireNonNull(responseModel, "responseModel");
      Objects.requireNonNull(finishReason, "finishReason");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(retryIn, "retryIn");
    }
  }

  /**
   * A tool call begins: the model of a node execution asked for it.
   *
   * @param round the 1-based tool round of the node execution (the calls of one model turn share it)
   * @param call the call as the model wrote it (its arguments not yet checked)
   */
  record ToolCallStarted(String runId, Instant timestamp, NodeExecution node, int round, ToolCall call)
      implements RunEvent {}

  /**
   * A tool call ended.
   *
   * @param result what goes back to the model: the tool's result (cut to its size cap, with a
   *     note), or the error it is told about
   * @param error present when the call failed (bad input, refused, failed, timed out, abandoned)
   */
  record ToolCallFinished(
      String runId,
      Instant timestamp,
      NodeExecution node,
      int round,
      ToolCall call,
      Duration duration,
      String result,
      Optional<String> error)
      implements RunEvent {
    public ToolCallFinished {
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(error, "error");
    }
  }

  /**
   * A conditional edge or a loop chose where to go after a node.
   *
   * @param from the node that ran
   * @param step the {@link NodeExecution#step()} of that execution (0 when the choice follows a
   *     {@code parallel} map)
   * @param to the chosen node ids, or {@code END}
   * @param reason why, e.g. {@code condition "state.score >= 8" held}, {@code default route}
   * @param failedConditions conditions that could not be evaluated and so counted as false
   */
  record RouteChosen(
      String runId,
      Instant timestamp,
      String from,
      int step,
      List<String> to,
      String reason,
      List<ConditionFailure> failedConditions)
      implements RunEvent {
    public RouteChosen {
      to = List.copyOf(to);
      failedConditions = List.copyOf(failedConditions);
    }
  }

  /** A condition that raised (Python would): it counted as false. */
  record ConditionFailure(String condition, String message) {}

  /** The run ended; the last event of the run. */
  record RunFinished(String runId, Instant timestamp, RunResult result) implements RunEvent {}
}
