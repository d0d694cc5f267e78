package io.configurableagents.runtime.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Optional;
import java.util.Set;

/**
 * Requires an API key on every path of a listener but its open ones ({@code docs/runtime.md},
 * "Security"): 401 with {@code WWW-Authenticate} and the API's JSON error body otherwise. The
 * caller found (its key's position, or the client address when the API is open) is put in the
 * request's context for the limits. Does nothing when no keys are set.
 */
public final class AccessFilter implements Filter {
  /** The API's paths that stay open: the process's own health and Helidon's live and ready checks. */
  static final Set<String> OPEN_API_PATHS = Set.of("/health", "/observe/health", "/observe/health/live", "/observe/health/ready");
  private static final String REALM = "configurable-agents";

  private final ApiKeys keys;
  private final Set<String> openPaths;

  private AccessFilter(ApiKeys keys, Set<String> openPaths) {
    this.keys = keys;
    this.openPaths = openPaths;
  }

  /** For the API listener: everything but the health checks needs a key. */
  public static AccessFilter api(ApiKeys keys) {
    return new AccessFilter(keys, OPEN_API_PATHS);
  }

  /** For the traces listener: every path needs a key (prompts and answers are on that page). */
  public static AccessFilter traces(ApiKeys keys) {
    return new AccessFilter(keys, Set.of());
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    if (!keys.required() || openPaths.contains(req.path().path())) {
      chain.proceed();
      return;
    }
    Optional<String> authorization = req.headers().first(HeaderNames.AUTHORIZATION);
    Optional<Caller> caller = keys.authenticate(authorization);
    if (caller.isEmpty()) {
      refuse(res, authorization.isPresent());
      return;
    }
    req.context().register(caller.get());
    chain.proceed();
  }

  private static void refuse(RoutingResponse res, boolean keySent) {
    ObjectNode body = keySent
        ? Json.error("unauthorized", "the API key sent is not one of this service's keys (API_KEYS or API_KEYS_FILE)")
        : Json.error("unauthorized", "this endpoint needs an API key: send the header Authorization: Bearer <key>");
    // Bearer for programs (RFC 6750); Basic so that a browser asks for the key (any user name, the key as password)
    res.header(HeaderNames.WWW_AUTHENTICATE,
        "Bearer realm=\"" + REALM + "\"" + (keySent ? ", error=\"invalid_token\"" : ""),
        "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
    Json.send(res, Status.UNAUTHORIZED_401, body);
  }
}
