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

  /** Opens the job store ({@link #openStore}) and starts the job service. */
  public static Application start(RuntimeConfig config, WorkflowRunner runner, OpenApiTexts openApi) {
    return start(config, openStore(config), runner, openApi);
  }

  /** Starts the job service over a job store already open. */
  public static Application start(RuntimeConfig config, JobStore store, WorkflowRunner runner, OpenApiTexts openApi) {
    JobService jobs = new JobService(runner, store, config.maxRunsInFlight(), clock(config));
    return new Application(runner, store, jobs, ApiSettings.of(config), openApi);
  }

  /**
   * The job store, with the configured retention: PostgreSQL, shared by the replicas, when {@code
   * JOB_STORE_URL} is set (docs/scaling.md), else the embedded store under {@code DATA_DIR/jobs}.
   */
  public static JobStore openStore(RuntimeConfig config) {
    Retention retention = new Retention(config.jobRetention(), config.jobRetentionCount());
    if (config.jobStore().isPresent()) {
      return PostgresJobStore.open(config.jobStore().get(), retention, clock(config));
    }
    return LogJobStore.open(config.dataDir().resolve("jobs"), retention, clock(config));
  }

  /** Job times: PostgreSQL keeps microseconds, so with it every replica shows a job's times as stored. */
  private static Clock clock(RuntimeConfig config) {
    return config.jobStore().isPresent() ? Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000)) : Clock.systemUTC();
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
