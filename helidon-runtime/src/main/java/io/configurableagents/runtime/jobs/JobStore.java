package io.configurableagents.runtime.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Where jobs are kept so that they outlive the request and the process. The embedded
 * {@link LogJobStore} keeps them under {@code DATA_DIR}; the PostgreSQL store
 * ({@code io.configurableagents.runtime.jobs.postgres}) is shared by several replicas.
 *
 * <p>Contract: {@link #save} replaces the job of that id; {@link #find} sees a saved job at once
 * (before it is durable); the returned stage completes when the job would survive a crash of this
 * process. A job that was not finished when its process died must be reported as failed (type
 * {@link JobError#INTERRUPTED}), never run again. Finished jobs may be removed by retention;
 * unfinished ones never are. Memory must not grow with the size of outputs: the embedded store
 * keeps them on disk, a shared store in its database.
 *
 * <p>A shared store never lets a save replace a finished job: when another replica finished it
 * first (a cancel there, or this replica's lease expired), the save fails with {@link
 * JobAlreadyFinishedException} carrying the job as stored. Its reads may throw {@link
 * JobStoreUnavailableException} while the store cannot be reached.
 */
public interface JobStore extends AutoCloseable {

  CompletableFuture<Void> save(Job job);

  Optional<Job> find(String id);

  /**
   * The jobs kept, without outputs, in no particular order: tracing makes a trace for each job a
   * crash left without one ({@code docs/traces.md}). A shared store returns none: each replica
   * traces the runs it executes, and the jobs in the store are every replica's.
   */
  List<JobSummary> summaries();

  /**
   * Cancels a job this process does not run (another replica does, or nobody): a pending or
   * running job becomes cancelled at {@code now} and the replica running it is told (see {@link
   * #onCancelled}). Returns the job as it is then; empty for an unknown id. In the embedded store
   * every unfinished job runs in this process, so this only reads.
   */
  default Optional<Job> cancel(String id, Instant now) {
    return find(id);
  }

  /** Receives the ids of jobs that another replica cancelled; none in the embedded store. */
  default void onCancelled(Consumer<String> jobIds) {}

  /** Why runs cannot be accepted now (the store cannot be reached); empty when they can. */
  default Optional<String> unavailable() {
    return Optional.empty();
  }

  /** What the store is and what it found at start, for the start-up log. */
  List<String> describe();

  /** Writes what is pending and releases the files or connections; saving after this fails. */
  @Override
  void close();
}
