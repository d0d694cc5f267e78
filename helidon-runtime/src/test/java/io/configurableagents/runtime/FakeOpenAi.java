package io.configurableagents.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.configurableagents.runtime.jobs.JobJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenAI-compatible chat completions server on loopback for the process tests and the API
 * benchmark: it answers every structured-output request with {@code {"result": <the text after the
 * prompt's last colon>}} (the echo workflow's answer) after a configurable delay, and counts the
 * requests. {@code GET /requests} returns the count, for scripts.
 */
public final class FakeOpenAi implements AutoCloseable {
  private final HttpServer server;
  private final AtomicLong requests = new AtomicLong();
  private volatile Duration delay;
  private volatile int failureStatus;

  private FakeOpenAi(int port, Duration delay) throws IOException {
    this.delay = delay;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 8192);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/v1/chat/completions", this::complete);
    server.createContext("/requests", ex -> send(ex, 200, Long.toString(requests.get())));
    server.start();
  }

  public static FakeOpenAi start(Duration delay) throws IOException {
    return new FakeOpenAi(0, delay);
  }

  /** {@code java -cp ... FakeOpenAi PORT DELAY_MS}: runs until killed. */
  public static void main(String[] args) throws IOException {
    FakeOpenAi fake = new FakeOpenAi(Integer.parseInt(args[0]), Duration.ofMillis(Long.parseLong(args[1])));
    System.out.println("fake OpenAI on port " + fake.port());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The {@code api_base} that reaches it. */
  public String apiBase() {
    return "http://127.0.0.1:" + port() + "/v1";
  }

  public long requests() {
    return requests.get();
  }

  public void delay(Duration delay) {
    this.delay = delay;
  }

  /** From now on every request fails with this HTTP status and an OpenAI-shaped error (0: answer again). */
  public void failWith(int status) {
    this.failureStatus = status;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void complete(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    JsonNode request = JobJson.MAPPER.readTree(exchange.getRequestBody());
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (failureStatus != 0) {
      send(exchange, failureStatus, "{\"error\": {\"message\": \"The server had an error while processing your request.\","
          + " \"type\": \"server_error\", \"code\": null}}");
      return;
    }
    String prompt = request.at("/messages/0/content").asText();
    String echoed = prompt.substring(prompt.lastIndexOf(':') + 1).trim();
    ObjectNode answer = JobJson.MAPPER.createObjectNode().put("result", echoed);
    ObjectNode body = JobJson.MAPPER.createObjectNode();
    body.put("id", "chatcmpl-" + requests.get()).put("object", "chat.completion").put("created", 0);
    body.put("model", request.path("model").asText("gpt-4o-mini"));
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", answer.toString());
    body.putObject("usage").put("prompt_tokens", 12).put("completion_tokens", 4).put("total_tokens", 16);
    send(exchange, 200, body.toString());
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
