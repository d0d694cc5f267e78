package io.configurableagents.runtime.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One request to run the workflow, from the moment it is accepted. Immutable: each change of state
 * is a new value, saved to the {@link JobStore}.
 */
public record Job(
    String id, JobState state, Instant createdAt, Optional<Instant> startedAt, Optional<Instant> completedAt) {

  public Job {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(completedAt, "completedAt");
  }

  public static Job pending(String id, Instant now) {
    return new Job(id, JobState.PENDING, now, Optional.empty(), Optional.empty());
  }

  public Job started(Instant now) {
    return new Job(id, JobState.RUNNING, createdAt, Optional.of(now), Optional.empty());
  }

  public Job finished(JobState.Terminal outcome, Instant now) {
    return new Job(id, outcome, createdAt, startedAt, Optional.of(now));
  }

  public boolean isFinished() {
    return state instanceof JobState.Terminal;
  }

  /** From start to finish; empty until both are known. */
  public OptionalLong executionTimeMs() {
    if (startedAt.isEmpty() || completedAt.isEmpty()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Duration.between(startedAt.get(), completedAt.get()).toMillis());
  }
}
