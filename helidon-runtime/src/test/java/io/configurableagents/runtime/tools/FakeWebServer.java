package io.configurableagents.runtime.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server standing in for the web the network tools reach: Serper's and Tavily's
 * search APIs ({@code POST /search}, told apart by their key headers), web pages ({@link #page}),
 * redirects ({@code GET /redirect?to=URL}), and an echo of any other request as JSON. Every request
 * is recorded.
 */
public final class FakeWebServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request as received. */
  public record Received(String method, String path, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }
  }

  private final WebServer server;
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> pages = new ConcurrentHashMap<>();
  private volatile List<String[]> results = List.<String[]>of(new String[] {"Fake result", "https://example.org/fake", "A fake snippet."});
  private volatile int searchStatus = 200;
  private volatile Duration delay = Duration.ZERO;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  private FakeWebServer() {
    server = WebServer.builder().host("127.0.0.1").port(0).routing(r -> r.any(this::handle)).build().start();
  }

  public static FakeWebServer start() {
    return new FakeWebServer();
  }

  public int port() {
    return server.port();
  }

  /** {@code http://127.0.0.1:PORT} */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** {@code 127.0.0.1:PORT}: what {@code ALLOWED_HOSTS} lists to let the tools reach this server. */
  public String hostAndPort() {
    return "127.0.0.1:" + port();
  }

  /** The results every search answers: title, url, snippet. */
  public FakeWebServer results(List<String[]> titleUrlSnippet) {
    this.results = List.copyOf(titleUrlSnippet);
    return this;
  }

  /** The HTTP status searches answer (200 by default). */
  public FakeWebServer searchStatus(int status) {
    this.searchStatus = status;
    return this;
  }

  /** Waits this long before answering anything. */
  public FakeWebServer delay(Duration pause) {
    this.delay = pause;
    return this;
  }

  /** Serves {@code html} at {@code path}. */
  public FakeWebServer page(String path, String html) {
    pages.put(path, html);
    return this;
  }

  /** The most requests this server was working on at the same moment. */
  public int maxInFlight() {
    return maxInFlight.get();
  }

  public List<Received> requests() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  public List<Received> requestsTo(String path) {
    return requests().stream().filter(r -> r.path().equals(path)).toList();
  }

  @Override
  public void close() {
    server.stop();
  }

  private void handle(ServerRequest req, ServerResponse res) throws Exception {
    String path = req.path().path();
    String method = req.prologue().method().text();
    Map<String, String> headers = new LinkedHashMap<>();
    req.headers().forEach(h -> headers.put(h.name().toLowerCase(Locale.ROOT), h.get()));
    String body = req.content().hasEntity() ? req.content().as(String.class) : "";
    received.add(new Received(method, path, Map.copyOf(headers), body));
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      if (!delay.isZero()) {
        Thread.sleep(delay);
      }
      route(req, res, path, method, headers, body);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void route(ServerRequest req, ServerResponse res, String path, String method, Map<String, String> headers, String body) {
    if (path.equals("/search") && method.equals("POST")) {
      search(headers, res);
    } else if (path.equals("/redirect")) {
      res.status(302).header("Location", req.query().get("to")).send();
    } else if (pages.containsKey(path)) {
      res.header("Content-Type", "text/html; charset=utf-8").send(pages.get(path).getBytes(StandardCharsets.UTF_8));
    } else {
      ObjectNode echo = JSON.createObjectNode().put("method", method).put("path", path).put("body", body);
      echo.put("x_test", headers.getOrDefault("x-test", ""));
      res.header("Content-Type", "application/json").header("X-Fake", "yes").send(echo.toString());
    }
  }

  private void search(Map<String, String> headers, ServerResponse res) {
    res.header("Content-Type", "application/json");
    if (searchStatus != 200) {
      res.status(searchStatus).send("{\"message\":\"search failed on purpose\"}");
      return;
    }
    ObjectNode answer = JSON.createObjectNode();
    boolean tavily = headers.getOrDefault("authorization", "").startsWith("Bearer ");
    ArrayNode list = answer.putArray(tavily ? "results" : "organic");
    for (String[] r : results) {
      ObjectNode item = list.addObject().put("title", r[0]).put(tavily ? "url" : "link", r[1]);
      item.put(tavily ? "content" : "snippet", r[2]);
    }
    res.send(answer.toString());
  }

  /** The JSON body of a recorded request. */
  public static JsonNode json(Received request) throws Exception {
    return JSON.readTree(request.body());
  }
}
