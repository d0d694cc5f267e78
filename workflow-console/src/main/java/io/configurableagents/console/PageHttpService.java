package io.configurableagents.console;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The page: {@code GET /} with the session's token in it, and its script, stylesheet and icon,
 * all from the jar (no CDN, nothing fetched from elsewhere; the content security policy says so
 * to the browser too).
 */
final class PageHttpService implements HttpService {
  /** Nothing from elsewhere, no inline script, never inside another site's frame. */
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
      + " connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";
  private static final String TOKEN_PLACEHOLDER = "{{console-token}}";
  private static final Map<String, String> ASSETS = Map.of(
      "console.js", "text/javascript; charset=UTF-8",
      "console.css", "text/css; charset=UTF-8",
      "favicon.svg", "image/svg+xml");

  private final byte[] page;
  private final Map<String, byte[]> assets;

  PageHttpService(ConsoleToken token) {
    this.page = new String(read("index.html"), StandardCharsets.UTF_8).replace(TOKEN_PLACEHOLDER, token.value())
        .getBytes(StandardCharsets.UTF_8);
    this.assets = Map.of("console.js", read("console.js"), "console.css", read("console.css"),
        "favicon.svg", read("favicon.svg"));
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/", (req, res) -> send(res, "text/html; charset=UTF-8", page))
        .get("/assets/{name}", this::asset);
  }

  private void asset(ServerRequest req, ServerResponse res) {
    String name = req.path().pathParameters().get("name");
    if (!ASSETS.containsKey(name)) {
      Json.send(res, Status.NOT_FOUND_404, Json.error("not_found", "The console's page has no such file"));
      return;
    }
    send(res, ASSETS.get(name), assets.get(name));
  }

  private static void send(ServerResponse res, String type, byte[] bytes) {
    res.header(HeaderNames.CONTENT_TYPE, type);
    res.header(HeaderNames.CACHE_CONTROL, "no-store");
    res.header("Content-Security-Policy", CSP);
    res.header("X-Content-Type-Options", "nosniff");
    res.header("X-Frame-Options", "DENY");
    res.header("Referrer-Policy", "no-referrer");
    res.send(bytes);
  }

  private static byte[] read(String name) {
    try (InputStream in = PageHttpService.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the console's " + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
