package io.configurableagents.runtime;

import io.configurableagents.runtime.http.ApiSettings;
import io.configurableagents.runtime.jobs.JobService;
import io.configurableagents.runtime.jobs.LogJobStore;
import io.configurableagents.runtime.jobs.Retention;
import io.configurableagents.runtime.jobs.WorkflowRunner;
import java.time.Clock;
import java.time.Duration;

/**
 * The parts of one running service, built once at start: the runner (the engine), the job store
 * and the job service, and the settings the HTTP layer needs. {@link Main} wires them to Helidon.
 *
 * @param openApiJson the OpenAPI document as JSON
 * @param openApiYaml the same as YAML
 */
public record Application(
    WorkflowRunner runner, LogJobStore store, JobService jobs, ApiSettings settings, String openApiJson, String openApiYaml)
    implements AutoCloseable {

  /** Opens the job store under {@code config.dataDir()} and starts the job service. */
  public static Application start(RuntimeConfig config, WorkflowRunner runner, String openApiJson, String openApiYaml) {
    Clock clock = Clock.systemUTC();
    LogJobStore store =
        LogJobStore.open(config.dataDir().resolve("jobs"), new Retention(config.jobRetention(), config.jobRetentionCount()), clock);
    JobService jobs = new JobService(runner, store, config.maxRunsInFlight(), clock);
    return new Application(runner, store, jobs, ApiSettings.of(config), openApiJson, openApiYaml);
  }

  /**
   * Stops accepting runs, lets the runs in flight finish within {@code grace}, records the rest as
   * interrupted, and closes the store.
   */
  public void shutdown(Duration grace) {
    jobs.shutdown(grace);
    store.close();
  }

  @Override
  public void close() {
    shutdown(Duration.ZERO);
  }
}
