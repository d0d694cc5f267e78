package io.configurableagents.runtime.jobs;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where jobs are kept so that they outlive the request and the process. The embedded
 * {@link LogJobStore} keeps them under {@code DATA_DIR}; a store shared by several replicas (for
 * example PostgreSQL) implements the same contract.
 *
 * <p>Contract: {@link #save} replaces the job of that id; {@link #find} sees a saved job at once
 * (before it is durable); the returned stage completes when the job would survive a crash of this
 * process. A job that was not finished when its process died must be reported as failed with
 * {@link JobError#interruptedByRestart()}, never run again. Finished jobs may be removed by
 * retention; unfinished ones never are. Memory must not grow with the size of outputs: the embedded
 * store keeps them on disk.
 */
public interface JobStore extends AutoCloseable {

  CompletableFuture<Void> save(Job job);

  Optional<Job> find(String id);

  /**
   * The jobs kept, without outputs, in no particular order: tracing makes a trace for each job a
   * crash left without one ({@code docs/traces.md}).
   */
  List<JobSummary> summaries();

  /** Writes what is pending and releases the files; saving after this fails. */
  @Override
  void close();
}
