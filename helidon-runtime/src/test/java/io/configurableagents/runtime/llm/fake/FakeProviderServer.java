package io.configurableagents.runtime.llm.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback HTTP server that speaks the wire formats of OpenAI chat completions ({@code POST
 * /v1/chat/completions}), Anthropic messages ({@code POST /v1/messages}) and Gemini ({@code POST
 * /v1beta/models/{model}:generateContent}), so that the real LangChain4j clients talk to it.
 *
 * <p>Each request takes the next scripted {@link FakeReply} ({@link #enqueue}), or the default one
 * ({@link #replyByDefault}, a schema-conforming answer unless changed), and is recorded ({@link
 * #requests}). One virtual thread per request: thousands of slow requests at once are fine.
 */
public final class FakeProviderServer implements AutoCloseable {
  private static final int BACKLOG = 8192;

  private final HttpServer server;
  private final ExecutorService executor;
  private final Deque<FakeReply> script = new ConcurrentLinkedDeque<>();
  private final AtomicReference<FakeReply> defaultReply = new AtomicReference<>(FakeReply.conforming());
  private final List<RecordedRequest> requests = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Replies replies = new Replies();

  private FakeProviderServer(InetSocketAddress address) {
    try {
      server = HttpServer.create(address, BACKLOG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fake provider on " + address, e);
    }
    executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts on 127.0.0.1, on a free port. */
  public static FakeProviderServer start() {
    return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  public static FakeProviderServer start(InetSocketAddress address) {
    return new FakeProviderServer(address);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:PORT}: the {@code api_base} for Ollama, Anthropic and Gemini. */
  public String baseUrl() {
    return "http://" + server.getAddress().getHostString() + ":" + port();
  }

  /** {@code http://127.0.0.1:PORT/v1}: the {@code api_base} for OpenAI. */
  public String openAiBaseUrl() {
    return baseUrl() + "/v1";
  }

  /** The replies of the next requests, in order; after them, the default reply. */
  public FakeProviderServer enqueue(FakeReply... next) {
    script.addAll(List.of(next));
    return this;
  }

  /** The reply of every request the script does not cover. */
  public FakeProviderServer replyByDefault(FakeReply reply) {
    defaultReply.set(Objects.requireNonNull(reply, "reply"));
    return this;
  }

  /** The token counts every answer reports. */
  public FakeProviderServer usage(int inputTokens, int outputTokens) {
    replies.usage(inputTokens, outputTokens);
    return this;
  }

  public List<RecordedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  public int requestCount() {
    return requests.size();
  }

  public RecordedRequest lastRequest() {
    synchronized (requests) {
      return requests.get(requests.size() - 1);
    }
  }

  /** Forgets the script, the recorded requests, the default reply and the usage figures. */
  public void reset() {
    script.clear();
    requests.clear();
    defaultReply.set(FakeReply.conforming());
    replies.usage(Replies.DEFAULT_INPUT_TOKENS, Replies.DEFAULT_OUTPUT_TOKENS);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      var wire = WireFormat.forPath(path);
      if (!"POST".equals(exchange.getRequestMethod()) || wire.isEmpty()) {
        replies.send(exchange, 404, Map.of(), WireFormat.OPENAI.error(404, "Unknown endpoint " + path).toString());
        return;
      }
      RecordedRequest request = record(wire.get(), path, exchange);
      requests.add(request);
      FakeReply reply = script.pollFirst();
      replies.apply(exchange, request, reply == null ? defaultReply.get() : reply);
    } catch (IOException | RuntimeException e) {
      // the client went away (stall past its timeout, cancellation): nothing to do
    }
  }

  private static RecordedRequest record(WireFormat wire, String path, HttpExchange exchange) throws IOException {
    long received = System.nanoTime();
    JsonNode body = WireFormat.JSON.readTree(exchange.getRequestBody());
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    return new RecordedRequest(
        wire, path, Map.copyOf(headers), body, wire.prompt(body), wire.schema(body), wire.model(path, body),
        wire.temperature(body), wire.maxTokens(body), received);
  }
}
