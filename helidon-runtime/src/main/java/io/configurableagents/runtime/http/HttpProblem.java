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
  private final boolean closesConnection;

  public HttpProblem(Status status, String type, String message) {
    this(status, type, message, false);
  }

  private HttpProblem(Status status, String type, String message, boolean closesConnection) {
    super(message);
    this.status = Objects.requireNonNull(status, "status");
    this.type = Objects.requireNonNull(type, "type");
    this.closesConnection = closesConnection;
  }

  /** A problem after which the connection cannot serve another request (its request body was not read to the end). */
  static HttpProblem closingConnection(Status status, String type, String message) {
    return new HttpProblem(status, type, message, true);
  }

  public Status status() {
    return status;
  }

  public String type() {
    return type;
  }

  /** Whether the answer closes the connection ({@code Connection: close}). */
  public boolean closesConnection() {
    return closesConnection;
  }

  static HttpProblem unknownJob(String id) {
    return new HttpProblem(
        Status.NOT_FOUND_404, "job_not_found", "no job with id \"" + shorten(id) + "\" (it never existed or retention removed it)");
  }

  static String shorten(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }
}
