package io.configurableagents.runtime.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;

/**
 * {@code GET /health}: {@code {"status": "healthy", "timestamp"}} whenever the process answers, as
 * the Python tool did (Docker's health check uses it). Readiness is Helidon's
 * {@code /observe/health/ready} ({@link ReadinessCheck}).
 */
public final class HealthHttpService implements HttpService {
  private final Clock clock;

  public HealthHttpService(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/health", this::health);
  }

  private void health(ServerRequest req, ServerResponse res) {
    ObjectNode body = Json.object();
    body.put("status", "healthy");
    body.put("timestamp", clock.instant().toString());
    Json.send(res, Status.OK_200, body);
  }
}
