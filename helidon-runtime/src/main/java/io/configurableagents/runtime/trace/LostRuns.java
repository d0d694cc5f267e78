package io.configurableagents.runtime.trace;

import io.configurableagents.runtime.jobs.Job;
import io.configurableagents.runtime.jobs.JobError;
import io.configurableagents.runtime.jobs.JobState;
import io.configurableagents.runtime.jobs.JobStore;
import io.configurableagents.runtime.jobs.JobSummary;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The runs a crash left without a trace, found in the job store when the trace store opens: a job
 * is durable before its id is handed out, its trace is written in the background, so after a
 * {@code kill -9} a job may have no trace (a run waiting for a slot had none yet; a quick run's
 * trace was not on disk yet). Each such job gets a trace made from its record: the job's status
 * ({@code interrupted} for a run the stop cut short), times, outputs (cut as any trace's) or
 * error, no inputs and no spans. See {@code docs/traces.md}.
 */
final class LostRuns {
  static final LostRuns NONE = new LostRuns(null, "", "", null);

  private final JobStore jobs;
  private final String workflow;
  private final String version;
  private final ContentPolicy content;

  private LostRuns(JobStore jobs, String workflow, String version, ContentPolicy content) {
    this.jobs = jobs;
    this.workflow = workflow;
    this.version = version;
    this.content = content;
  }

  /** The jobs of {@code jobs}, as runs of {@code workflow} at {@code version}. */
  static LostRuns in(JobStore jobs, String workflow, String version, ContentPolicy content) {
    return new LostRuns(Objects.requireNonNull(jobs, "jobs"), workflow, version, content);
  }

  /** The summaries of the finished jobs for which {@code traced} says no. */
  List<TraceSummary> without(Predicate<String> traced) {
    if (jobs == null) {
      return List.of();
    }
    return jobs.summaries().stream()
        .filter(job -> job.isFinished() && !traced.test(job.id()))
        .map(this::summary)
        .toList();
  }

  /** The trace of one of them; a completed job's outputs are read from the job store. */
  Trace trace(TraceSummary summary) throws IOException {
    Optional<Map<String, Object>> outputs = Optional.empty();
    if (summary.status() == RunStatus.COMPLETED) {
      Job job = jobs.find(summary.jobId()).orElseThrow(() -> new IOException("job " + summary.jobId() + " is gone"));
      outputs = Optional.of(content.values(((JobState.Completed) job.state()).outputs()));
    }
    return new Trace(summary, SpanIds.traceId(), SpanIds.spanId(), Optional.empty(), content.logPrompts(), 0, Map.of(), outputs, List.of());
  }

  private TraceSummary summary(JobSummary job) {
    Instant started = job.startedAt().orElse(job.createdAt());
    Instant ended = job.completedAt().orElseThrow();
    Duration duration = ended.isBefore(started) ? Duration.ZERO : Duration.between(started, ended);
    Optional<TraceError> error = job.error().map(e -> new TraceError(e.type(), e.node(), content.message(e.message())));
    return new TraceSummary(job.id(), workflow, version, status(job), started, Optional.of(ended), duration, 0, 0, 0, 0, error);
  }

  private static RunStatus status(JobSummary job) {
    return switch (job.status()) {
      case "completed" -> RunStatus.COMPLETED;
      case "cancelled" -> RunStatus.CANCELLED;
      default -> job.error().map(JobError::type).filter(JobError.INTERRUPTED::equals).isPresent()
          ? RunStatus.INTERRUPTED
          : RunStatus.FAILED;
    };
  }
}
