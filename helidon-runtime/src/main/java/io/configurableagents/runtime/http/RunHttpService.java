package io.configurableagents.runtime.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.runtime.engine.PreparedInputs;
import io.configurableagents.runtime.engine.TraceParent;
import io.configurableagents.runtime.jobs.Job;
import io.configurableagents.runtime.jobs.JobJson;
import io.configurableagents.runtime.jobs.JobService;
import io.configurableagents.runtime.jobs.JobState;
import io.configurableagents.runtime.jobs.WorkflowRunner;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /run}: validates the inputs, submits one job, and waits for it up to the sync
 * timeout. Done in time: 200 (or the failure). Not done: 202 with {@code Location}, while that
 * same execution goes on.
 */
public final class RunHttpService implements HttpService {
  private static final long STORE_WAIT_SECONDS = 10;
  /** W3C trace context: the caller's trace, which the run's trace joins. */
  private static final HeaderName TRACEPARENT = HeaderNames.create("traceparent");
  private final WorkflowRunner runner;
  private final JobService jobs;
  private final ApiSettings settings;
  private final RunAdmission admission;
  private final InputBudget inputs;

  public RunHttpService(WorkflowRunner runner, JobService jobs, ApiSettings settings) {
    this.runner = runner;
    this.jobs = jobs;
    this.settings = settings;
    this.admission = RunAdmission.of(settings.access());
    this.inputs = new InputBudget(settings.maxInputBytesInFlight());
  }

  @Override
  public void routing(HttpRules rules) {
    rules.post("/run", this::run);
  }

  private void run(ServerRequest req, ServerResponse res) throws InterruptedException {
    RunAdmission.Ticket callerTicket = admission.admit(Caller.of(req));
    RunAdmission.Ticket inputTicket = RunAdmission.Ticket.NONE;
    JobService.Submission submission;
    Duration wait;
    try {
      byte[] body = RunRequest.body(req, settings.maxBodyBytes());
      inputTicket = inputs.hold(body.length);
      Map<String, Object> values = RunRequest.inputs(body);
      wait = RunRequest.wait(req, settings.syncTimeout(), settings.maxWait());
      PreparedInputs prepared = runner.prepareInputs(values);
      submission = jobs.submit(prepared, req.headers().first(TRACEPARENT).flatMap(TraceParent::parse));
    } catch (RuntimeException e) {
      callerTicket.close();
      inputTicket.close();
      throw e;
    }
    RunAdmission.Ticket heldInputs = inputTicket;
    // given back before the outcome is readable: a caller who sees the job ended may run again at once
    submission.ended().whenComplete((ignored, failure) -> {
      callerTicket.close();
      heldInputs.close();
    });
    try {
      answer(res, submission.finished().get(wait.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      // the id is handed out once the job is durable (a store failure is logged by the store)
      submission.accepted().orTimeout(STORE_WAIT_SECONDS, TimeUnit.SECONDS).exceptionally(failure -> null).join();
      handOver(res, submission.jobId(), wait);
    } catch (ExecutionException e) {
      throw new IllegalStateException("job " + submission.jobId() + " ended abnormally", e.getCause());
    }
  }

  private static void answer(ServerResponse res, Job job) {
    ObjectNode body = Json.object();
    switch (job.state()) {
      case JobState.Completed c -> {
        body.put("status", "success").put("job_id", job.id());
        body.put("execution_time_ms", job.executionTimeMs().orElse(0));
        body.set("outputs", JobJson.MAPPER.valueToTree(c.outputs()));
        Json.send(res, Status.OK_200, body);
      }
      case JobState.Failed f -> {
        body.put("status", "failed").put("job_id", job.id());
        body.set("error", JobJson.errorJson(f.error()));
        Json.send(res, f.error().providerFailure() ? Status.BAD_GATEWAY_502 : Status.INTERNAL_SERVER_ERROR_500, body);
      }
      case JobState.Cancelled c -> {
        body.put("status", "cancelled").put("job_id", job.id());
        body.put("message", "the job was cancelled (DELETE /status/" + job.id() + ") before it finished");
        Json.send(res, Status.CONFLICT_409, body);
      }
      case JobState.Pending p -> throw new IllegalStateException("job " + job.id() + " reported finished while pending");
      case JobState.Running r -> throw new IllegalStateException("job " + job.id() + " reported finished while running");
    }
  }

  private static void handOver(ServerResponse res, String jobId, Duration waited) {
    String location = "/status/" + jobId;
    ObjectNode body = Json.object();
    body.put("status", "async").put("job_id", jobId);
    body.put(
        "message",
        (waited.isZero() ? "The run was accepted" : "The run takes longer than " + seconds(waited))
            + " and goes on in the background. Poll " + location + " for its result.");
    res.header(HeaderNames.LOCATION, location);
    Json.send(res, Status.ACCEPTED_202, body);
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
  }
}
