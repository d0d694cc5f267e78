package io.configurableagents.runtime.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code GET /docs}: Swagger UI over {@code /openapi.json}, served from the jar (no CDN). The page
 * and its two assets are read once at start.
 */
public final class DocsHttpService implements HttpService {
  private static final String BASE = "/io/configurableagents/runtime/docs/";
  private static final Map<String, String> ASSETS =
      Map.of(
          "index.html", "text/html; charset=UTF-8",
          "swagger-ui-bundle.js", "text/javascript; charset=UTF-8",
          "swagger-ui.css", "text/css; charset=UTF-8");

  private final Map<String, byte[]> content;

  public DocsHttpService() {
    this.content = Map.of(
        "index.html", read("index.html"),
        "swagger-ui-bundle.js", read("swagger-ui-bundle.js"),
        "swagger-ui.css", read("swagger-ui.css"));
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/docs", (req, res) -> send(res, "index.html", "no-cache"))
        .get("/docs/", (req, res) -> send(res, "index.html", "no-cache"))
        .get("/docs/{asset}", this::asset);
  }

  private void asset(ServerRequest req, ServerResponse res) {
    String name = req.path().pathParameters().get("asset");
    if (!content.containsKey(name)) {
      throw new HttpProblem(Status.NOT_FOUND_404, "not_found", "no such file: /docs/" + HttpProblem.shorten(name));
    }
    send(res, name, "public, max-age=86400");
  }

  private void send(ServerResponse res, String name, String cacheControl) {
    res.header(HeaderNames.CONTENT_TYPE, ASSETS.get(name));
    res.header(HeaderNames.CACHE_CONTROL, cacheControl);
    res.send(content.get(name));
  }

  private static byte[] read(String name) {
    try (InputStream in = DocsHttpService.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + BASE + name + "; rebuild helidon-runtime");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
