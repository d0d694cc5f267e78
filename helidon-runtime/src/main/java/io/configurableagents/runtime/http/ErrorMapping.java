package io.configurableagents.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.types.CoercionProblem;
import io.configurableagents.runtime.engine.InvalidInputsException;
import io.configurableagents.runtime.jobs.JobService;
import io.configurableagents.runtime.jobs.JobStoreUnavailableException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.ServerConnectionException;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Every error answer of the API, mapped once. Bodies are {@code {"status": "error", "error": {"type", "message"}}}
 * (plus {@code problems} for 422). Unexpected exceptions answer 500 without their message, which
 * goes to the server log.
 */
public final class ErrorMapping {
  private static final System.Logger LOG = System.getLogger(ErrorMapping.class.getName());

  private ErrorMapping() {}

  public static void register(HttpRouting.Builder routing) {
    routing
        .error(InvalidInputsException.class, ErrorMapping::invalidInputs)
        .error(TooManyRunsException.class, ErrorMapping::tooManyRuns)
        .error(HttpProblem.class, ErrorMapping::problem)
        .error(JobService.NotAcceptingException.class, ErrorMapping::notAccepting)
        .error(JobStoreUnavailableException.class, ErrorMapping::storeUnavailable)
        .error(RequestException.class, ErrorMapping::badRequest)
        .error(HttpException.class, ErrorMapping::httpException)
        .error(RuntimeException.class, ErrorMapping::unexpected);
  }

  private static void invalidInputs(ServerRequest req, ServerResponse res, InvalidInputsException e) {
    ObjectNode body = Json.error("invalid_inputs", e.getMessage());
    ArrayNode problems = body.putArray("problems");
    for (CoercionProblem p : e.problems()) {
      problems.addObject().put("field", p.path()).put("message", p.message());
    }
    send(res, Status.UNPROCESSABLE_CONTENT_422, body);
  }

  private static void tooManyRuns(ServerRequest req, ServerResponse res, TooManyRunsException e) {
    res.header(HeaderNames.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
    problem(req, res, e);
  }

  private static void problem(ServerRequest req, ServerResponse res, HttpProblem e) {
    if (e.closesConnection()) {
      res.header(HeaderValues.CONNECTION_CLOSE);
    }
    send(res, e.status(), Json.error(e.type(), e.getMessage()));
  }

  private static void notAccepting(ServerRequest req, ServerResponse res, JobService.NotAcceptingException e) {
    res.header(HeaderNames.RETRY_AFTER, "5");
    send(res, Status.SERVICE_UNAVAILABLE_503, Json.error("shutting_down", e.getMessage()));
  }

  private static void storeUnavailable(ServerRequest req, ServerResponse res, JobStoreUnavailableException e) {
    res.header(HeaderNames.RETRY_AFTER, "2");
    Json.send(res, Status.SERVICE_UNAVAILABLE_503, Json.error("job_store_unavailable", e.getMessage()));
  }

  private static void badRequest(ServerRequest req, ServerResponse res, RequestException e) {
    answer(req, res, e.status(), e.safeMessage() ? Optional.ofNullable(e.getMessage()) : Optional.empty());
  }

  private static void httpException(ServerRequest req, ServerResponse res, HttpException e) {
    answer(req, res, e.status(), Optional.ofNullable(e.getMessage()));
  }

  private static void answer(ServerRequest req, ServerResponse res, Status status, Optional<String> reason) {
    send(res, status, ErrorBodies.forStatus(status, req.prologue().method().text(), req.path().path(), reason));
  }

  private static void unexpected(ServerRequest req, ServerResponse res, RuntimeException e) {
    LOG.log(Level.ERROR, "unexpected error answering " + req.prologue().method().text() + " " + req.path().path(), e);
    send(res, Status.INTERNAL_SERVER_ERROR_500, Json.error("internal_error", "the server failed to answer; its log has the details"));
  }

  /**
   * Sends an error answer. When the client is gone (it closed or reset the connection, say in the
   * middle of its body), there is no one to answer: Helidon closes the connection, and nothing is
   * logged (a failure inside an error handler would otherwise be logged with its stack trace).
   */
  private static void send(ServerResponse res, Status status, JsonNode body) {
    try {
      Json.send(res, status, body);
    } catch (ServerConnectionException e) {
      // the client closed the connection: nothing to answer
    }
  }
}
