package io.configurableagents.runtime.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.types.CoercionProblem;
import io.configurableagents.runtime.jobs.JobService;
import io.configurableagents.runtime.jobs.JobStoreUnavailableException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;

/**
 * Every error answer of the API, mapped once. Bodies are {@code {"error": {"type", "message"}}}
 * (plus {@code problems} for 422). Unexpected exceptions answer 500 without their message, which
 * goes to the server log.
 */
public final class ErrorMapping {
  private static final System.Logger LOG = System.getLogger(ErrorMapping.class.getName());

  private ErrorMapping() {}

  public static void register(HttpRouting.Builder routing) {
    routing
        .error(InvalidInputsException.class, ErrorMapping::invalidInputs)
        .error(HttpProblem.class, ErrorMapping::problem)
        .error(JobService.NotAcceptingException.class, ErrorMapping::notAccepting)
        .error(JobStoreUnavailableException.class, ErrorMapping::storeUnavailable)
        .error(RequestException.class, ErrorMapping::badRequest)
        .error(HttpException.class, ErrorMapping::httpException)
        .error(RuntimeException.class, ErrorMapping::unexpected);
  }

  private static void invalidInputs(ServerRequest req, ServerResponse res, InvalidInputsException e) {
    ObjectNode body = Json.error(e.type(), e.getMessage());
    ArrayNode problems = body.putArray("problems");
    for (CoercionProblem p : e.problems()) {
      problems.addObject().put("field", p.path()).put("message", p.message());
    }
    Json.send(res, e.status(), body);
  }

  private static void problem(ServerRequest req, ServerResponse res, HttpProblem e) {
    Json.send(res, e.status(), Json.error(e.type(), e.getMessage()));
  }

  private static void notAccepting(ServerRequest req, ServerResponse res, JobService.NotAcceptingException e) {
    res.header(HeaderNames.RETRY_AFTER, "5");
    Json.send(res, Status.SERVICE_UNAVAILABLE_503, Json.error("shutting_down", e.getMessage()));
  }

  private static void storeUnavailable(ServerRequest req, ServerResponse res, JobStoreUnavailableException e) {
    res.header(HeaderNames.RETRY_AFTER, "2");
    Json.send(res, Status.SERVICE_UNAVAILABLE_503, Json.error("job_store_unavailable", e.getMessage()));
  }

  private static void badRequest(ServerRequest req, ServerResponse res, RequestException e) {
    Status status = e.status();
    String type = status == Status.REQUEST_ENTITY_TOO_LARGE_413 ? "body_too_large" : "bad_request";
    String message = status == Status.REQUEST_ENTITY_TOO_LARGE_413 ? "the request body is larger than the server accepts (MAX_BODY_BYTES)" : "the request is malformed: " + e.getMessage();
    Json.send(res, status, Json.error(type, message));
  }

  private static void httpException(ServerRequest req, ServerResponse res, HttpException e) {
    Status status = e.status();
    Json.send(res, status, Json.error("http_" + status.code(), status.reasonPhrase()));
  }

  private static void unexpected(ServerRequest req, ServerResponse res, RuntimeException e) {
    LOG.log(Level.ERROR, "unexpected error answering " + req.prologue().method().text() + " " + req.path().path(), e);
    Json.send(res, Status.INTERNAL_SERVER_ERROR_500, Json.error("internal_error", "the server failed to answer; its log has the details"));
  }
}
