package io.configurableagents.runtime.http;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Closes the connection once the answer is sent when the request asked for it ({@code Connection:
 * close}) or the answer says so. Helidon 4.5.0 sends {@code Connection: close} and then waits on the
 * same connection for another request until the idle timeout (helidon-io/helidon#12324, fixed in
 * later 4.5 releases): a client waiting for the end of the answer would wait that long, and after a
 * body it could not read to the end, Helidon would read its rest as a second request.
 */
public final class ConnectionClose implements Filter {
  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    chain.proceed();
    if (res.isSent()
        && (req.headers().containsToken(HeaderValues.CONNECTION_CLOSE) || res.headers().containsToken(HeaderValues.CONNECTION_CLOSE))) {
      // Helidon's way out of a connection's request loop: the answer is already written
      throw new CloseConnectionException("closed as the request or the answer asked (Connection: close)");
    }
  }
}
