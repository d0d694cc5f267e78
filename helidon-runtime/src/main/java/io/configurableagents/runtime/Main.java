package io.configurableagents.runtime;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaTypes;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.time.Instant;

/**
 * Entry point of the container. Wiring only. For now it serves {@code GET /health} on {@code PORT}
 * (default 8000); the run API is built on top of this.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    LogConfig.configureRuntime();
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8000"));
    WebServer server = WebServer.builder().port(port).routing(Main::routing).build().start();
    System.out.println("configurable-agents runtime listening on port " + server.port());
  }

  static void routing(HttpRouting.Builder routing) {
    routing.get(
        "/health",
        (req, res) -> {
          res.header(HeaderNames.CONTENT_TYPE, HttpMediaTypes.JSON_UTF_8.text());
          res.send("{\"status\":\"healthy\",\"timestamp\":\"" + Instant.now() + "\"}");
        });
  }
}
