package io.configurableagents.runtime;

import io.configurableagents.runtime.http.ApiSettings;
import io.configurableagents.runtime.http.OpenApiTexts;
import io.configurableagents.runtime.jobs.JobService;
import io.configurableagents.runtime.jobs.JobStore;
import io.configurableagents.runtime.jobs.LogJobStore;
import io.configurableagents.runtime.jobs.Retention;
import io.configurableagents.runtime.jobs.WorkflowRunner;
import io.configurableagents.runtime.jobs.postgres.PostgresJobStore;
import java.time.Clock;
import java.time.Duration;

/**
 * The parts of one running service, built once at start: the runner (the engine), the job store
 * and the job service, and the settings the HTTP layer needs. {@link Main} wires them to Helidon.
 *
 * @param openApi the OpenAPI document, rendered on first use
 */
public record Application(
    WorkflowRunner runner, JobStore store, JobService jobs, ApiSettings settings, OpenApiTexts openApi)
    implements AutoCloseable {

  /**
   * Opens the job store (PostgreSQL when {@code JOB_STORE_URL} is set, else the embedded store
   * under {@code config.dataDir()}) and starts the job service.
   */
  public static Application start(RuntimeConfig config, WorkflowRunner runner, OpenApiTexts openApi) {
    Retention retention = new Retention(config.jobRetention(), config.jobRetentionCount());
    Clock clock;
    JobStore store;
    if (config.jobStore().isPresent()) {
      // PostgreSQL keeps microseconds: every replica shows a job's times as stored
      clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
      store = PostgresJobStore.open(config.jobStore().get(), retention, clock);
    } else {
      clock = Clock.systemUTC();
      store = LogJobStore.open(config.dataDir().resolve("jobs"), retention, clock);
    }
    JobService jobs = new JobService(runner, store, config.maxRunsInFlight(), clock);
    return new Application(runner, store, jobs, ApiSettings.of(config), openApi);
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
