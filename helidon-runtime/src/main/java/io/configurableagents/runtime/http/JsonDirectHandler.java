package io.configurableagents.runtime.http;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaTypes;
import io.helidon.http.RequestException;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import java.util.Optional;

/**
 * Helidon's own error answers, on every listener, in the API's JSON error shape ({@link
 * ErrorBodies}): the requests it rejects before any route (a malformed request line, headers or
 * framing, a URI too long, a body over {@code MAX_BODY_BYTES}, HTTP/1.0) and the errors no error
 * handler took (an unknown path on the traces port). Helidon's default answers these with an empty
 * or plain-text body.
 */
public final class JsonDirectHandler implements DirectHandler {
  private JsonDirectHandler() {}

  /** This handler for every kind of event. */
  public static DirectHandlers forEveryEvent() {
    JsonDirectHandler handler = new JsonDirectHandler();
    DirectHandlers.Builder handlers = DirectHandlers.builder();
    for (EventType event : EventType.values()) {
      handlers.addHandler(event, handler);
    }
    return handlers.build();
  }

  /** An error met while routing a request that was read whole. */
  @Override
  public TransportResponse handle(
      TransportRequest request, EventType event, Status status, ServerResponseHeaders headers, Throwable thrown) {
    // only a request exception's own message is meant for the client (the default handler's rule too)
    String reason = thrown instanceof RequestException e && e.safeMessage() ? e.getMessage() : null;
    return answer(request, status, headers, reason);
  }

  /**
   * An error met while reading a request, before any route. Helidon 4.5.0 reports some malformed
   * requests (an invalid method) and connections cut off in the middle of the headers as internal
   * errors, logging a stack trace for each: they are the client's, answered (when it still
   * listens) as 400, which Helidon does not log.
   */
  @Override
  public TransportResponse handle(
      TransportRequest request, EventType event, Status status, ServerResponseHeaders headers, String message) {
    if (event == EventType.INTERNAL_ERROR) {
      return answer(request, Status.BAD_REQUEST_400, headers, null);
    }
    return answer(request, status, headers, message);
  }

  private static TransportResponse answer(TransportRequest request, Status status, ServerResponseHeaders headers, String reason) {
    byte[] body = Json.bytes(ErrorBodies.forStatus(status, request.method(), request.path(), Optional.ofNullable(reason)));
    headers.set(HeaderNames.CONTENT_TYPE, HttpMediaTypes.JSON_UTF_8.text());
    return TransportResponse.builder().status(status).headers(headers).entity(body).build();
  }
}
