package io.configurableagents.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.deploy.DeployException;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;

/**
 * Every error answer of the console, mapped once: {@code {"error": {"type", "message"}}} with a
 * message the page shows as it is. Bad input is a 4xx that says what is wrong and how to fix it;
 * Docker failing is a 503 with Docker's cause and its fix; anything else a 500 without details
 * (they go to the console's output). No answer repeats what the request sent.
 */
final class ConsoleErrors {
  private static final System.Logger LOG = System.getLogger(ConsoleErrors.class.getName());

  private ConsoleErrors() {}

  static void register(HttpRouting.Builder routing) {
    routing
        .error(ConsoleProblem.class, ConsoleErrors::problem)
        .error(DeployException.class, ConsoleErrors::deploy)
        .error(RequestException.class, ConsoleErrors::badRequest)
        .error(HttpException.class, ConsoleErrors::http)
        .error(RuntimeException.class, ConsoleErrors::unexpected);
  }

  private static void problem(ServerRequest req, ServerResponse res, ConsoleProblem e) {
    ObjectNode body = Json.error(e.type(), e.getMessage());
    e.details().ifPresent(details -> body.setAll(details));
    Json.send(res, e.status(), body);
  }

  /** The user's input is wrong: 400; Docker or the machine failed: 503 (try again once it is fixed). */
  private static void deploy(ServerRequest req, ServerResponse res, DeployException e) {
    if (e.isUserError()) {
      Json.send(res, Status.BAD_REQUEST_400, Json.error("invalid_setting", e.userMessage()));
    } else {
      Json.send(res, Status.SERVICE_UNAVAILABLE_503, Json.error("docker_failed", e.userMessage()));
    }
  }

  private static void badRequest(ServerRequest req, ServerResponse res, RequestException e) {
    Status status = e.status();
    if (status == Status.REQUEST_ENTITY_TOO_LARGE_413) {
      Json.send(res, status, Json.error("too_large", "The request is more than the console takes: a workflow is at most"
          + " 1 MB"));
    } else {
      Json.send(res, status.code() >= 500 ? Status.BAD_REQUEST_400 : status,
          Json.error("bad_request", "The request is malformed (" + status.reasonPhrase() + ")"));
    }
  }

  private static void http(ServerRequest req, ServerResponse res, HttpException e) {
    Status status = e.status();
    String message = status == Status.NOT_FOUND_404 ? "The console has no such page or API"
        : status == Status.METHOD_NOT_ALLOWED_405 ? "The console's API does not take this method here"
        : status.reasonPhrase();
    Json.send(res, status, Json.error("http_" + status.code(), message));
  }

  private static void unexpected(ServerRequest req, ServerResponse res, RuntimeException e) {
    LOG.log(Level.ERROR, "unexpected error answering " + req.prologue().method().text() + " " + req.path().path(), e);
    Json.send(res, Status.INTERNAL_SERVER_ERROR_500, Json.error("internal_error",
        "The console failed to answer; its output (where mvn workflow:console runs) has the details"));
  }
}
