package io.configurableagents.runtime.llm.fake;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Method;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback HTTP server that speaks the wire formats of OpenAI chat completions ({@code POST
 * /v1/chat/completions}), Anthropic messages ({@code POST /v1/messages}) and Gemini ({@code POST
 * /v1beta/models/{model}:generateContent}), so that the real LangChain4j clients talk to it.
 *
 * <p>Each request takes the next scripted {@link FakeReply} ({@link #enqueue}), or the default one
 * ({@link #replyByDefault}, a schema-conforming answer unless changed), and is recorded ({@link
 * #requests}). Built on Helidon WebServer (a virtual thread per connection): thousands of slow
 * requests at once are fine.
 */
public final class FakeProviderServer implements AutoCloseable {
  private static final int BACKLOG = 8192;

  private final WebServer server;
  private final Deque<FakeReply> script = new ConcurrentLinkedDeque<>();
  private final AtomicReference<FakeReply> defaultReply = new AtomicReference<>(FakeReply.conforming());
  private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong received = new AtomicLong();
  private final AtomicInteger answering = new AtomicInteger();
  private final AtomicInteger mostAnsweringAtOnce = new AtomicInteger();
  /** 64-bit hashes of the prompts received: how many differ, without keeping them. */
  private final Set<Long> promptHashes = ConcurrentHashMap.newKeySet();
  private volatile boolean recording = true;
  private final Replies replies = new Replies();

  private FakeProviderServer(String host, int port) {
    server =
        WebServer.builder()
            .host(host)
            .port(port)
            .backlog(BACKLOG)
            .maxTcpConnections(-1)
            .routing(routing -> routing.any(this::handle))
            .build()
            .start();
  }

  /** Starts on 127.0.0.1, on a free port. */
  public static FakeProviderServer start() {
    return start("127.0.0.1", 0);
  }

  public static FakeProviderServer start(String host, int port) {
    return new FakeProviderServer(host, port);
  }

  public int port() {
    return server.port();
  }

  /** {@code http://127.0.0.1:PORT}: the {@code api_base} for Ollama, Anthropic and Gemini. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
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

  /** The most requests this server was answering at one moment (each on its own connection). */
  public int mostRequestsAtOnce() {
    return mostAnsweringAtOnce.get();
  }

  /** Requests received since the start or the last {@link #reset}, recorded or not. */
  public int requestCount() {
    return (int) received.get();
  }

  /** How many different prompts were received since the start or the last {@link #reset}. */
  public int distinctPromptCount() {
    return promptHashes.size();
  }

  /**
   * Whether requests are kept for {@link #requests} (the default) or only counted: long
   * benchmarks count, so that the fake's memory does not grow with every request.
   */
  public FakeProviderServer recording(boolean keep) {
    this.recording = keep;
    return this;
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
    received.set(0);
    promptHashes.clear();
    defaultReply.set(FakeReply.conforming());
    replies.usage(Replies.DEFAULT_INPUT_TOKENS, Replies.DEFAULT_OUTPUT_TOKENS);
  }

  @Override
  public void close() {
    server.stop();
  }

  /** {@code GET} it for the number of requests received so far, as plain text (for a fake in another process). */
  public static final String COUNT_PATH = "/requests";

  /** {@code GET} it for the number of different prompts received so far, as plain text. */
  public static final String DISTINCT_PROMPTS_PATH = "/prompts";

  private void handle(ServerRequest req, ServerResponse res) {
    String path = req.path().path();
    if (req.prologue().method() == Method.GET && path.equals(COUNT_PATH)) {
      res.send(Long.toString(received.get()));
      return;
    }
    if (req.prologue().method() == Method.GET && path.equals(DISTINCT_PROMPTS_PATH)) {
      res.send(Integer.toString(promptHashes.size()));
      return;
    }
    var wire = WireFormat.forPath(path);
    if (req.prologue().method() != Method.POST || wire.isEmpty()) {
      replies.send(res, 404, Map.of(), WireFormat.OPENAI.error(404, "Unknown endpoint " + path).toString());
      return;
    }
    RecordedRequest request;
    try {
      request = record(wire.get(), path, req);
    } catch (IOException e) {
      replies.send(res, 400, Map.of(), wire.get().error(400, "Body is not JSON: " + e.getMessage()).toString());
      return;
    }
    received.incrementAndGet();
    promptHashes.add(hash64(request.prompt()));
    if (recording) {
      requests.add(request);
    }
    FakeReply reply = script.pollFirst();
    mostAnsweringAtOnce.accumulateAndGet(answering.incrementAndGet(), Math::max);
    try {
      replies.apply(res, request, reply == null ? defaultReply.get() : reply);
    } catch (CloseConnectionException e) {
      throw e; // a scripted hang-up
    } catch (RuntimeException e) {
      // the client went away (a stall past its timeout, a cancellation): nothing to answer
    } finally {
      answering.decrementAndGet();
    }
  }

  private static long hash64(String text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h = (h ^ text.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }

  private static RecordedRequest record(WireFormat wire, String path, ServerRequest req) throws IOException {
    long received = System.nanoTime();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    req.headers().forEach(h -> headers.put(h.name().toLowerCase(Locale.ROOT), List.copyOf(h.allValues())));
    JsonNode body = WireFormat.JSON.readTree(req.content().as(String.class));
    return new RecordedRequest(
        wire, path, Map.copyOf(headers), body, wire.prompt(body), wire.schema(body), wire.model(path, body),
        wire.temperature(body), wire.maxTokens(body), received);
  }
}
