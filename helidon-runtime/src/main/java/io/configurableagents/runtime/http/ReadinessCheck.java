package io.configurableagents.runtime.http;

import io.configurableagents.runtime.jobs.JobService;
import io.configurableagents.runtime.jobs.WorkflowRunner;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import java.util.List;
import java.util.Optional;

/**
 * Ready when runs can succeed: every provider key the workflow needs is set, the job store can be
 * reached, and the server is not shutting down. When not ready, the details say why.
 */
public final class ReadinessCheck implements HealthCheck {
  private final WorkflowRunner runner;
  private final JobService jobs;

  public ReadinessCheck(WorkflowRunner runner, JobService jobs) {
    this.runner = runner;
    this.jobs = jobs;
  }

  @Override
  public HealthCheckType type() {
    return HealthCheckType.READINESS;
  }

  @Override
  public String name() {
    return "workflow";
  }

  @Override
  public HealthCheckResponse call() {
    List<String> missing = runner.missingEnvironment();
    Optional<String> store = jobs.storeUnavailable();
    HealthCheckResponse.Builder response =
        HealthCheckResponse.builder().status(missing.isEmpty() && store.isEmpty() && jobs.accepting());
    if (!missing.isEmpty()) {
      response.detail(
          "reason",
          "missing environment variable" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
              + ": set " + (missing.size() == 1 ? "it" : "them") + " (e.g. in the --env-file) and restart");
    } else if (store.isPresent()) {
      response.detail("reason", "job store unavailable: " + store.get() + "; runs are accepted again once it answers");
    } else if (!jobs.accepting()) {
      response.detail("reason", "shutting down: no new runs are accepted");
    }
    return response.detail("runs_in_flight", jobs.runsInFlight()).build();
  }
}
