package io.configurableagents.runtime.jobs;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a job failed, as the API shows it: {@code {type, node, message}}. The message is for users:
 * it never holds a stack trace or a secret.
 *
 * @param type a short kind, e.g. {@code provider_error}, {@code step_limit}, {@code interrupted}
 * @param node the node that was running, if any
 * @param providerFailure true when an LLM provider failed (the API answers 502 rather than 500)
 */
public record JobError(String type, Optional<String> node, String message, boolean providerFailure) {

  /** The type of jobs that were running when the process stopped. */
  public static final String INTERRUPTED = "interrupted";

  public JobError {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(message, "message");
  }

  /** A job that was running when the process died: it is never run again. */
  public static JobError interruptedByRestart() {
    return new JobError(INTERRUPTED, Optional.empty(), "interrupted by restart", false);
  }

  /**
   * A job of a replica that stopped (its lease expired) while the job was pending or running,
   * recorded by another replica of a shared store: it is never run again.
   */
  public static JobError interruptedReplicaStopped(String replica) {
    return new JobError(INTERRUPTED, Optional.empty(), "interrupted: replica " + replica + " stopped", false);
  }

  /** A job still running when the shutdown grace period ran out. */
  public static JobError interruptedByShutdown() {
    return new JobError(
        INTERRUPTED, Optional.empty(), "interrupted by shutdown: the run did not finish within the grace period", false);
  }
}
