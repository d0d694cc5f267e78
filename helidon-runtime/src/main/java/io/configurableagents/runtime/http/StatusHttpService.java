package io.configurableagents.runtime.http;

import io.configurableagents.runtime.jobs.Job;
import io.configurableagents.runtime.jobs.JobJson;
import io.configurableagents.runtime.jobs.JobService;
import io.configurableagents.runtime.jobs.JobState;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code GET /status/{id}}: a job as it is now; {@code DELETE /status/{id}}: cancels it. */
public final class StatusHttpService implements HttpService {
  private final JobService jobs;

  public StatusHttpService(JobService jobs) {
    this.jobs = jobs;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/status/{id}", this::status).delete("/status/{id}", this::cancel);
  }

  private void status(ServerRequest req, ServerResponse res) {
    String id = req.path().pathParameters().get("id");
    Job job = jobs.find(id).orElseThrow(() -> HttpProblem.unknownJob(id));
    Json.send(res, Status.OK_200, JobJson.toJson(job));
  }

  private void cancel(ServerRequest req, ServerResponse res) {
    String id = req.path().pathParameters().get("id");
    Job job = jobs.cancel(id).orElseThrow(() -> HttpProblem.unknownJob(id));
    if (!(job.state() instanceof JobState.Cancelled)) {
      throw new HttpProblem(
          Status.CONFLICT_409,
          "job_finished",
          "job " + id + " is already " + job.state().label() + "; only pending or running jobs can be cancelled");
    }
    Json.send(res, Status.OK_200, JobJson.toJson(job));
  }
}
