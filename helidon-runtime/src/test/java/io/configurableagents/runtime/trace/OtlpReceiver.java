package io.configurableagents.runtime.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP collector on loopback: decodes each request with the official protobuf classes.
 * It also answers MLflow's experiments REST API ({@code get-by-name} and {@code create}, with
 * MLflow's answers and error codes) from experiments it keeps in memory, so it stands in for an
 * MLflow server too; {@link #experimentCalls()} lists those calls.
 */
public final class OtlpReceiver implements AutoCloseable {
  public record Received(String path, Map<String, List<String>> headers, ExportTraceServiceRequest request) {
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
          .map(e -> e.getValue().get(0)).orElse("");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, String> experiments = new ConcurrentHashMap<>();
  private final List<String> experimentCalls = new CopyOnWriteArrayList<>();
  private final AtomicInteger nextExperimentId = new AtomicInteger(100);

  public OtlpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (InputStream body = exchange.getRequestBody()) {
        boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        byte[] bytes = (gzip ? new GZIPInputStream(body) : body).readAllBytes();
        received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
            ExportTraceServiceRequest.parseFrom(bytes)));
        exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, -1);
      } finally {
        exchange.close();
      }
    });
    server.createContext("/api/2.0/mlflow/experiments/", this::experiments);
    server.start();
  }

  public String uri() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** An experiment MLflow already has. */
  public OtlpReceiver withExperiment(String name, String id) {
    experiments.put(name, id);
    return this;
  }

  /** The experiments REST calls received, as {@code METHOD path?query}, in order. */
  public List<String> experimentCalls() {
    return List.copyOf(experimentCalls);
  }

  /** Waits until {@code count} requests arrived. */
  public List<Received> await(int count, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (received.size() < count && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UncheckedIOException(new IOException(e));
      }
    }
    if (received.size() < count) {
      throw new AssertionError("expected " + count + " export request(s) within " + within + ", got " + received.size());
    }
    return List.copyOf(received);
  }

  private void experiments(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String query = exchange.getRequestURI().getRawQuery();
      experimentCalls.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (path.endsWith("/get-by-name") && exchange.getRequestMethod().equals("GET")) {
        String name = URLDecoder.decode(query.substring(query.indexOf('=') + 1), StandardCharsets.UTF_8);
        String id = experiments.get(name);
        if (id == null) {
          answer(exchange, 404, Map.of("error_code", "RESOURCE_DOES_NOT_EXIST",
              "message", "Could not find experiment with name '" + name + "'"));
        } else {
          answer(exchange, 200, Map.of("experiment", Map.of("experiment_id", id, "name", name, "lifecycle_stage", "active")));
        }
      } else if (path.endsWith("/create") && exchange.getRequestMethod().equals("POST")) {
        JsonNode request = JSON.readTree(body);
        String name = request.path("name").asText();
        if (experiments.containsKey(name)) {
          answer(exchange, 400, Map.of("error_code", "RESOURCE_ALREADY_EXISTS", "message", "Experiment '" + name + "' already exists."));
        } else {
          String id = String.valueOf(nextExperimentId.getAndIncrement());
          experiments.put(name, id);
          answer(exchange, 200, Map.of("experiment_id", id));
        }
      } else {
        answer(exchange, 404, Map.of("error_code", "ENDPOINT_NOT_FOUND", "message", "no such endpoint"));
      }
    }
  }

  private static void answer(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
