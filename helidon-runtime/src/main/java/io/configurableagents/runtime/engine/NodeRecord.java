package io.configurableagents.runtime.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What one node execution cost: part of a run's metadata, kept apart from its outputs.
 *
 * @param attempts LLM attempts made (0 for a node that failed before calling the model)
 * @param inputTokens prompt tokens over all attempts, as the provider reported them
 * @param outputTokens completion tokens over all attempts
 * @param succeeded whether the node finished (false: it failed or was abandoned)
 */
public record NodeRecord(
    NodeExecution node,
    Instant startedAt,
    Duration duration,
    int attempts,
    long inputTokens,
    long outputTokens,
    boolean succeeded) {
  public NodeRecord {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(duration, "duration");
  }
}
