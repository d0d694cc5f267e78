package io.configurableagents.runtime.jobs;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A stored job without a completed job's outputs: what the embedded store keeps of each job in
 * memory (the outputs stay on disk, {@link JobStore#find} reads them back), so that its memory
 * depends on how many jobs retention keeps, not on how large their outputs are.
 *
 * @param status the API's word: pending, running, completed, failed or cancelled
 * @param error why a failed job failed
 */
public record JobSummary(
    String id, String status, Instant createdAt, Optional<Instant> startedAt, Optional<Instant> completedAt, Optional<JobError> error) {
  private static final Set<String> STATUSES = Set.of("pending", "running", "completed", "failed", "cancelled");

  public JobSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(completedAt, "completedAt");
    Objects.requireNonNull(error, "error");
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException("unknown job status \"" + status + "\"");
    }
    if (status.equals("failed") && error.isEmpty()) {
      throw new IllegalArgumentException("failed job " + id + " has no error");
    }
  }

  public static JobSummary of(Job job) {
    Optional<JobError> error = job.state() instanceof JobState.Failed f ? Optional.of(f.error()) : Optional.empty();
    return new JobSummary(job.id(), job.state().label(), job.createdAt(), job.startedAt(), job.completedAt(), error);
  }

  public boolean isFinished() {
    return !status.equals("pending") && !status.equals("running");
  }

  /** The whole job, when the summary holds all of it: every job but a completed one. */
  public Optional<Job> job() {
    JobState state = switch (status) {
      case "pending" -> JobState.PENDING;
      case "running" -> JobState.RUNNING;
      case "failed" -> new JobState.Failed(error.orElseThrow());
      case "cancelled" -> JobState.CANCELLED;
      default -> null;
    };
    return Optional.ofNullable(state).map(s -> new Job(id, s, createdAt, startedAt, completedAt));
  }
}
