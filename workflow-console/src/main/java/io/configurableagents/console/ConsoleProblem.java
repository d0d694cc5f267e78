package io.configurableagents.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Status;
import java.util.Objects;
import java.util.Optional;

/**
 * A request the console answers with a 4xx and a message the page shows: what is wrong and how
 * to fix it. {@link ConsoleErrors} turns it into {@code {"error": {"type", "message"}}}, with
 * {@link #details} beside it when there are any (the diagnostics of a workflow that has errors).
 */
final class ConsoleProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Status status;
  private final String type;
  private final transient Optional<ObjectNode> details;

  private ConsoleProblem(Status status, String type, String message, Optional<ObjectNode> details) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.status = status;
    this.type = type;
    this.details = details;
  }

  static ConsoleProblem badRequest(String type, String message) {
    return new ConsoleProblem(Status.BAD_REQUEST_400, type, message, Optional.empty());
  }

  static ConsoleProblem forbidden(String type, String message) {
    return new ConsoleProblem(Status.FORBIDDEN_403, type, message, Optional.empty());
  }

  static ConsoleProblem notFound(String type, String message) {
    return new ConsoleProblem(Status.NOT_FOUND_404, type, message, Optional.empty());
  }

  static ConsoleProblem conflict(String type, String message) {
    return new ConsoleProblem(Status.CONFLICT_409, type, message, Optional.empty());
  }

  static ConsoleProblem tooLarge(String message) {
    return new ConsoleProblem(Status.REQUEST_ENTITY_TOO_LARGE_413, "too_large", message, Optional.empty());
  }

  static ConsoleProblem tooMany(String message) {
    return new ConsoleProblem(Status.TOO_MANY_REQUESTS_429, "too_many", message, Optional.empty());
  }

  /** A workflow with errors: 422, with the diagnostics in {@code details}. */
  static ConsoleProblem invalidWorkflow(String message, ObjectNode details) {
    return new ConsoleProblem(Status.UNPROCESSABLE_CONTENT_422, "invalid_workflow", message, Optional.of(details));
  }

  Status status() {
    return status;
  }

  String type() {
    return type;
  }

  Optional<ObjectNode> details() {
    return details;
  }
}
