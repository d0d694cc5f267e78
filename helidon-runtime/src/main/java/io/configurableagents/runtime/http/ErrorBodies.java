package io.configurableagents.runtime.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Status;
import java.util.Optional;

/**
 * The body of an error that no handler of ours words: a request Helidon rejects (malformed, too
 * long, another HTTP version), an unknown endpoint, an error no handler took. The shape is the
 * API's, {@code {"error": {"type", "message"}}} (docs/runtime.md); a 5xx never carries a message
 * from inside the server, a 4xx carries Helidon's own reason only through {@link SafeText}.
 */
final class ErrorBodies {
  /** What Helidon says instead of a reason it keeps to itself (it logs it only at debug level). */
  private static final String NO_REASON = "Bad request, see server log for more information";

  private ErrorBodies() {}

  static ObjectNode forStatus(Status status, String method, String path, Optional<String> reason) {
    Optional<String> clean = reason.filter(r -> !r.equals(NO_REASON)).flatMap(SafeText::of);
    return Json.error(type(status), message(status, method, path, clean));
  }

  static String type(Status status) {
    return switch (status.code()) {
      case 400 -> "bad_request";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "body_too_large";
      case 414 -> "uri_too_long";
      case 431 -> "headers_too_large";
      case 500 -> "internal_error";
      case 501 -> "not_implemented";
      case 505 -> "http_version_not_supported";
      default -> "http_" + status.code();
    };
  }

  private static String message(Status status, String method, String path, Optional<String> reason) {
    String request = (method + " " + HttpProblem.shorten(path)).strip();
    return switch (status.code()) {
      case 404 -> "no endpoint answers " + request;
      case 405 -> request + " is not allowed";
      case 413 -> "the body is larger than the server accepts; send less, or raise MAX_BODY_BYTES on the server";
      case 414 -> "the request's URI is longer than the server accepts";
      case 431 -> "the request's headers are larger than the server accepts";
      case 505 -> "only HTTP/1.1 is served; send the request as HTTP/1.1";
      case 501 -> "the request uses what the server does not implement" + reason.map(r -> ": " + r).orElse("");
      default -> status.code() >= 500
          ? "the server failed to answer; its log has the details"
          : "the request is not valid HTTP/1.1" + reason.map(r -> ": " + r).orElse(" (its request line, headers or framing)");
    };
  }
}
