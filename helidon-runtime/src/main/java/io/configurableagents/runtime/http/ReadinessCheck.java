package io.configurableagents.runtime.http;

import io.configurableagents.runtime.jobs.JobService;
import io.configurableagents.runtime.jobs.WorkflowRunner;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Ready when runs can succeed: every provider key the workflow needs is set, the job store can be
 * reached, the server is not shutting down, and a new client would get a connection (not all
 * {@code MAX_CONNECTIONS} are taken). When not ready, the details say why.
 */
public final class ReadinessCheck implements HealthCheck {
  private final WorkflowRunner runner;
  private final JobService jobs;
  private final OpenConnections connections;
  private final int maxConnections;

  public ReadinessCheck(WorkflowRunner runner, JobService jobs, OpenConnections connections, int maxConnections) {
    this.runner = runner;
    this.jobs = jobs;
    this.connections = connections;
    this.maxConnections = maxConnections;
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
    OptionalInt open = connections.count();
    boolean full = open.isPresent() && open.getAsInt() >= maxConnections;
    HealthCheckResponse.Builder response =
        HealthCheckResponse.builder().status(missing.isEmpty() && store.isEmpty() && jobs.accepting() && !full);
    if (!missing.isEmpty()) {
      response.detail(
          "reason",
          "missing environment variable" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
              + ": set " + (missing.size() == 1 ? "it" : "them") + " (e.g. in the --env-file) and restart");
    } else if (store.isPresent()) {
      response.detail("reason", "job store unavailable: " + store.get() + "; runs are accepted again once it answers");
    } else if (!jobs.accepting()) {
      response.detail("reason", "shutting down: no new runs are accepted");
    } else if (full) {
      response.detail(
          "reason", "all " + maxConnections + " connections the server accepts (MAX_CONNECTIONS) are taken; further clients wait");
    }
    open.ifPresent(count -> response.detail("connections", count));
    return response.detail("max_connections", maxConnections).detail("runs_in_flight", jobs.runsInFlight()).build();
  }
}
