package io.configurableagents.console;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may talk to the console: the page it served, in a browser on this machine (or, with
 * {@code consoleBind}, on the network it was bound to). Before any handler runs:
 * <ul>
 *   <li>the {@code Host} must be an IP address or {@code localhost}, with the console's port: a
 *       site that points its own name at 127.0.0.1 (DNS rebinding) is refused, since its pages
 *       would otherwise count as the console's own;
 *   <li>a request from a page names its {@code Origin}: it must be the console's;
 *   <li>an API request must come from the page itself ({@code Sec-Fetch-Site}, when the browser
 *       says) and carry the session's {@link ConsoleToken}.
 * </ul>
 * See docs/console.md, "Safety".
 */
final class RequestGuard implements Filter {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-fA-F:.]+\\]");
  private static final Set<String> FROM_THE_PAGE = Set.of("same-origin", "none");

  private final ConsoleToken token;

  RequestGuard(ConsoleToken token) {
    this.token = token;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    int port = req.localPeer().port();
    String host = req.headers().first(HeaderNames.HOST).orElse("");
    if (!allowedHost(host, port)) {
      throw ConsoleProblem.forbidden("forbidden_host", "The console answers only at an address of this machine,"
          + " such as http://127.0.0.1:" + port + "/ (this request named another host); open that address");
    }
    Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
    if (origin.isPresent() && !origin.get().equalsIgnoreCase("http://" + host)) {
      throw ConsoleProblem.forbidden("foreign_origin", "The console refuses requests from other sites; use it from"
          + " its own page, http://" + host + "/");
    }
    if (req.path().path().startsWith("/api/")) {
      Optional<String> site = req.headers().first(HeaderNames.create("Sec-Fetch-Site"));
      if (site.isPresent() && !FROM_THE_PAGE.contains(site.get().toLowerCase(Locale.ROOT))) {
        throw ConsoleProblem.forbidden("foreign_origin", "The console refuses requests from other sites; use it from"
            + " its own page, http://" + host + "/");
      }
      if (!token.matches(req.headers().first(HeaderNames.create(ConsoleToken.HEADER)))) {
        throw ConsoleProblem.forbidden("missing_token", "This request lacks the console's session token (header "
            + ConsoleToken.HEADER + ", which the page sends): reload the page; after a restart of the console,"
            + " the old page's token no longer counts");
      }
      res.header(HeaderNames.CACHE_CONTROL, "no-store");
    }
    chain.proceed();
  }

  /** An IP address or {@code localhost}, with the console's port (names could be rebound to us). */
  static boolean allowedHost(String host, int port) {
    int colon = host.lastIndexOf(':');
    if (colon < 0 || colon < host.lastIndexOf(']')) {
      return false;
    }
    String name = host.substring(0, colon).toLowerCase(Locale.ROOT);
    String portText = host.substring(colon + 1);
    if (!portText.equals(String.valueOf(port))) {
      return false;
    }
    return name.equals("localhost") || IPV4.matcher(name).matches() || IPV6.matcher(name).matches();
  }
}
