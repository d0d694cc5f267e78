package io.configurableagents.runtime.http;

import io.helidon.webserver.http.ServerRequest;
import java.util.Objects;

/**
 * Who sent a request, as far as limits are concerned: the API key it presented (by its position,
 * never its value) or, when the API is open, the client's address.
 *
 * @param id {@code API key 2} or {@code address 10.0.0.7}
 */
public record Caller(String id) {
  public Caller {
    Objects.requireNonNull(id, "id");
  }

  static Caller key(int position) {
    return new Caller("API key " + position);
  }

  static Caller address(String host) {
    return new Caller("address " + host);
  }

  /** The caller {@link AccessFilter} found for this request, else the client's address. */
  static Caller of(ServerRequest req) {
    return req.context().get(Caller.class).orElseGet(() -> address(req.remotePeer().host()));
  }
}
