package io.configurableagents.runtime.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the list of runs: what the page shows before a run is opened.
 *
 * @param jobId the job id, which is also the run id of the engine's events
 * @param duration so far, for a run still going
 * @param nodeCount node executions started
 * @param llmAttempts LLM attempts made
 */
public record TraceSummary(
    String jobId,
    String workflow,
    String workflowVersion,
    RunStatus status,
    Instant startedAt,
    Optional<Instant> endedAt,
    Duration duration,
    int nodeCount,
    int llmAttempts,
    long inputTokens,
    long outputTokens,
    Optional<TraceError> error) {

  public TraceSummary {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(workflow, "workflow");
    Objects.requireNonNull(workflowVersion, "workflowVersion");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(endedAt, "endedAt");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(error, "error");
  }

  /** The same run, marked as stopped by a restart of the process. */
  TraceSummary interrupted() {
    return new TraceSummary(
        jobId, workflow, workflowVersion, RunStatus.INTERRUPTED, startedAt, Optional.of(startedAt.plus(duration)),
        duration, nodeCount, llmAttempts, inputTokens, outputTokens, error);
  }
}
