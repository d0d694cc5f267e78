package io.configurableagents.runtime.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a run did, kept apart from its outputs: when it started, how long it took, and every node
 * execution with its timing, LLM attempts and tokens (in the order the executions finished).
 *
 * @param steps node executions started (what the step limit counts)
 */
public record RunMetadata(Instant startedAt, Duration duration, int steps, List<NodeRecord> nodes) {
  public RunMetadata {
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(duration, "duration");
    nodes = List.copyOf(nodes);
  }

  /** LLM attempts over the whole run. */
  public int llmAttempts() {
    return nodes.stream().mapToInt(NodeRecord::attempts).sum();
  }

  /** Prompt tokens over the whole run. */
  public long inputTokens() {
    return nodes.stream().mapToLong(NodeRecord::inputTokens).sum();
  }

  /** Completion tokens over the whole run. */
  public long outputTokens() {
    return nodes.stream().mapToLong(NodeRecord::outputTokens).sum();
  }
}
