package io.configurableagents.runtime.http;

import io.configurableagents.core.WorkflowException;
import io.helidon.http.Status;
import java.util.Objects;

/**
 * A request the API refuses, with the status and a message that says what is wrong and how to fix
 * it. Answered by {@link ErrorMapping} as {@code {"error": {"type", "message"}}}.
 */
public class HttpProblem extends WorkflowException {
  private static final long serialVersionUID = 1L;
  private final transient Status status;
  private final String type;

  public HttpProblem(Status status, String type, String message) {
    super(message);
    this.status = Objects.requireNonNull(status, "status");
    this.type = Objects.requireNonNull(type, "type");
  }

  public Status status() {
    return status;
  }

  public String type() {
    return type;
  }

  static HttpProblem unknownJob(String id) {
    return new HttpProblem(
        Status.NOT_FOUND_404, "job_not_found", "no job with id \"" + shorten(id) + "\" (it never existed or retention removed it)");
  }

  static String shorten(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }
}
