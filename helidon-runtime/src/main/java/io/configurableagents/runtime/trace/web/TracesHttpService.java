package io.configurableagents.runtime.trace.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.runtime.http.Json;
import io.configurableagents.runtime.trace.RunStatus;
import io.configurableagents.runtime.trace.Trace;
import io.configurableagents.runtime.trace.TraceJson;
import io.configurableagents.runtime.trace.Traces;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The traces listener: the page ({@code GET /}, its script and stylesheet, all from the jar) and
 * the JSON API it reads, {@code GET /api/runs} and {@code GET /api/runs/{job_id}}.
 */
public final class TracesHttpService implements HttpService {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;
  /** Nothing from elsewhere: no CDN, no external fonts, no inline script. */
  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Traces traces;
  private final PageAssets assets = PageAssets.load();

  public TracesHttpService(Traces traces) {
    this.traces = traces;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/", (req, res) -> asset(res, "index.html"))
        .get("/assets/{name}", (req, res) -> asset(res, req.path().pathParameters().get("name")))
        .get("/api/runs", this::list)
        .get("/api/runs/{id}", this::run);
  }

  private void list(ServerRequest req, ServerResponse res) {
    Optional<String> statusText = req.query().first("status").asOptional().filter(s -> !s.isBlank());
    Optional<RunStatus> status = statusText.flatMap(RunStatus::fromId);
    if (statusText.isPresent() && status.isEmpty()) {
      String known = Arrays.stream(RunStatus.values()).map(RunStatus::id).collect(Collectors.joining(", "));
      send(res, Status.BAD_REQUEST_400, error("invalid_status", "status=" + statusText.get() + " is not one of " + known));
      return;
    }
    Optional<Integer> offset = number(req, "offset", 0, Integer.MAX_VALUE, res);
    Optional<Integer> limit = offset.isEmpty() ? Optional.empty() : number(req, "limit", 1, MAX_LIMIT, res);
    if (limit.isEmpty()) {
      return;
    }
    Traces.Page page = traces.page(status, offset.get(), limit.orElse(DEFAULT_LIMIT));
    ObjectNode body = MAPPER.createObjectNode();
    ArrayNode runs = body.putArray("runs");
    page.runs().forEach(s -> runs.add(TraceJson.summary(s)));
    body.put("total", page.total());
    body.put("offset", page.offset());
    body.put("limit", page.limit());
    send(res, Status.OK_200, body);
  }

  private void run(ServerRequest req, ServerResponse res) {
    String id = req.path().pathParameters().get("id");
    traces.find(id).ifPresentOrElse(
        t -> send(res, Status.OK_200, traceJson(t)),
        () -> send(res, Status.NOT_FOUND_404, error("not_found", "no trace of job " + id + " (it never ran here, or retention removed it)")));
  }

  private Optional<Integer> number(ServerRequest req, String name, int min, int max, ServerResponse res) {
    Optional<String> text = req.query().first(name).asOptional();
    int fallback = name.equals("limit") ? DEFAULT_LIMIT : 0;
    try {
      int value = text.map(String::trim).map(Integer::parseInt).orElse(fallback);
      if (value >= min && value <= max) {
        return Optional.of(value);
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    send(res, Status.BAD_REQUEST_400, error("invalid_" + name, name + "=" + text.orElse("") + " is not a whole number from " + min + " to " + max));
    return Optional.empty();
  }

  private void asset(ServerResponse res, String name) {
    Optional<PageAssets.Asset> asset = assets.find(name);
    if (asset.isEmpty()) {
      send(res, Status.NOT_FOUND_404, error("not_found", "no such asset: " + name));
      return;
    }
    res.header(HeaderNames.CONTENT_TYPE, asset.get().contentType());
    res.header(HeaderNames.CACHE_CONTROL, "no-cache");
    res.header("Content-Security-Policy", CSP);
    res.header("X-Content-Type-Options", "nosniff");
    res.send(asset.get().bytes());
  }

  /** The API's error body (the same shape on both ports). */
  private static ObjectNode error(String type, String message) {
    return Json.error(type, message);
  }

  private static void send(ServerResponse res, Status status, JsonNode body) {
    try {
      send(res, status, MAPPER.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void send(ServerResponse res, Status status, byte[] json) {
    res.status(status);
    res.header(HeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8");
    res.header(HeaderNames.CACHE_CONTROL, "no-store");
    res.send(json);
  }

  private static byte[] traceJson(Trace trace) {
    try {
      return TraceJson.bytes(trace);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
