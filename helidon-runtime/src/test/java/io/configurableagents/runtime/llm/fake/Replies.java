package io.configurableagents.runtime.llm.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** Carries out a {@link FakeReply} on an exchange, in the request's wire format. */
final class Replies {
  static final int DEFAULT_INPUT_TOKENS = 12;
  static final int DEFAULT_OUTPUT_TOKENS = 5;
  private volatile int inputTokens = DEFAULT_INPUT_TOKENS;
  private volatile int outputTokens = DEFAULT_OUTPUT_TOKENS;

  void usage(int input, int output) {
    this.inputTokens = input;
    this.outputTokens = output;
  }

  void apply(HttpExchange exchange, RecordedRequest request, FakeReply reply) throws IOException {
    WireFormat wire = request.wire();
    switch (reply) {
      case FakeReply.Conforming c -> answer(exchange, request, SchemaExamples.valueFor(request.schema()));
      case FakeReply.Answer a -> answer(exchange, request, a.json());
      case FakeReply.Text t -> send(exchange, 200, Map.of(), wire.answer(request, t.text(), Optional.empty(), inputTokens, outputTokens).toString());
      case FakeReply.Error e -> send(exchange, e.status(), e.headers(), wire.error(e.status(), e.providerMessage()).toString());
      case FakeReply.Delayed d -> {
        if (sleep(d.delay())) {
          apply(exchange, request, d.then());
        }
      }
      case FakeReply.HangUp h -> {
        // closing the exchange before any response headers drops the connection
      }
    }
  }

  private void answer(HttpExchange exchange, RecordedRequest request, JsonNode json) throws IOException {
    String body = request.wire().answer(request, json.toString(), Optional.of(json), inputTokens, outputTokens).toString();
    send(exchange, 200, Map.of(), body);
  }

  void send(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** @return false when interrupted (the server is closing) */
  private static boolean sleep(java.time.Duration delay) {
    try {
      Thread.sleep(delay);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
