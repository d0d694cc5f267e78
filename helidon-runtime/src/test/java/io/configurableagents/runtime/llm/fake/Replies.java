package io.configurableagents.runtime.llm.fake;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Carries out a {@link FakeReply} on a response, in the request's wire format. */
final class Replies {
  static final int DEFAULT_INPUT_TOKENS = 12;
  static final int DEFAULT_OUTPUT_TOKENS = 5;
  private volatile int inputTokens = DEFAULT_INPUT_TOKENS;
  private volatile int outputTokens = DEFAULT_OUTPUT_TOKENS;

  void usage(int input, int output) {
    this.inputTokens = input;
    this.outputTokens = output;
  }

  void apply(ServerResponse res, RecordedRequest request, FakeReply reply) {
    WireFormat wire = request.wire();
    switch (reply) {
      case FakeReply.Conforming c -> answer(res, request, SchemaExamples.valueFor(request.schema()));
      case FakeReply.Answer a -> answer(res, request, a.json());
      case FakeReply.Text t ->
          send(res, 200, Map.of(), wire.answer(request, t.text(), Optional.empty(), inputTokens, outputTokens).toString());
      case FakeReply.Error e -> send(res, e.status(), e.headers(), wire.error(e.status(), e.providerMessage()).toString());
      case FakeReply.Computed c -> apply(res, request, c.reply().apply(request));
      case FakeReply.ToolCalls t -> send(res, 200, Map.of(), wire.toolCalls(request, t.calls(), inputTokens, outputTokens).toString());
      case FakeReply.HangUp h -> throw new CloseConnectionException("the fake provider hangs up");
      case FakeReply.Oversized o -> oversized(res, o);
      case FakeReply.Delayed d -> {
        if (sleep(d.delay())) {
          apply(res, request, d.then());
        }
      }
    }
  }

  private void answer(ServerResponse res, RecordedRequest request, JsonNode json) {
    String body = request.wire().answer(request, json.toString(), Optional.of(json), inputTokens, outputTokens).toString();
    send(res, 200, Map.of(), body);
  }

  private static void oversized(ServerResponse res, FakeReply.Oversized reply) {
    res.status(200);
    res.header("Content-Type", "application/json");
    if (reply.declaredLength()) {
      res.header("Content-Length", String.valueOf(reply.bytes()));
    }
    byte[] block = "x".repeat(65_536).getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = res.outputStream()) {
      out.write("{\"pad\": \"".getBytes(StandardCharsets.US_ASCII));
      long left = reply.bytes() - 12;
      for (; left > 0; left -= block.length) {
        out.write(block, 0, (int) Math.min(block.length, left));
      }
      out.write("\"}".getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void send(ServerResponse res, int status, Map<String, String> headers, String body) {
    res.status(status);
    res.header("Content-Type", "application/json");
    headers.forEach(res::header);
    res.send(body.getBytes(StandardCharsets.UTF_8));
  }

  /** @return false when interrupted (the server is stopping) */
  private static boolean sleep(Duration delay) {
    try {
      Thread.sleep(delay);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
