package io.configurableagents.runtime;

import io.configurableagents.runtime.llm.fake.FakeProviderServer;
import io.configurableagents.runtime.llm.fake.FakeReply;
import io.configurableagents.runtime.llm.fake.RecordedRequest;
import java.time.Duration;

/**
 * The fake OpenAI-compatible provider of the process tests and the API benchmark: a {@link
 * FakeProviderServer} (the real OpenAI wire format) that answers every request with {@code
 * {"result": <the text after the prompt's last colon>}} (the echo workflow's answer) after a
 * configurable delay, or fails every request with a given status. It counts requests without
 * keeping them; {@code GET /requests} returns the count, for scripts.
 */
public final class FakeOpenAi implements AutoCloseable {
  private final FakeProviderServer server;
  private volatile Duration delay;
  private volatile int failureStatus;
  private volatile FakeReply override;

  private FakeOpenAi(int port, Duration delay) {
    this.delay = delay;
    this.server = FakeProviderServer.start("127.0.0.1", port).recording(false);
    server.replyByDefault(FakeReply.computed(this::reply));
  }

  public static FakeOpenAi start(Duration delay) {
    return new FakeOpenAi(0, delay);
  }

  /** {@code java -cp ... FakeOpenAi PORT DELAY_MS}: runs until killed. */
  public static void main(String[] args) {
    FakeOpenAi fake = new FakeOpenAi(Integer.parseInt(args[0]), Duration.ofMillis(Long.parseLong(args[1])));
    System.out.println("fake OpenAI on port " + fake.port());
  }

  public int port() {
    return server.port();
  }

  /** The {@code api_base} that reaches it. */
  public String apiBase() {
    return server.openAiBaseUrl();
  }

  public long requests() {
    return server.requestCount();
  }

  /** The most requests it was answering at one moment. */
  public int mostRequestsAtOnce() {
    return server.mostRequestsAtOnce();
  }

  public void delay(Duration delay) {
    this.delay = delay;
  }

  /** From now on every request fails with this HTTP status and an OpenAI-shaped error (0: answer again). */
  public void failWith(int status) {
    this.failureStatus = status;
  }

  /** From now on every request gets {@code reply} (null: echo again). */
  public void replyWith(FakeReply reply) {
    this.override = reply;
  }

  @Override
  public void close() {
    server.close();
  }

  private FakeReply reply(RecordedRequest request) {
    FakeReply scripted = override;
    FakeReply reply =
        scripted != null
            ? scripted
            : failureStatus != 0
            ? FakeReply.error(failureStatus, "The server had an error while processing your request.")
            : FakeReply.answer(echo(request.prompt()));
    Duration wait = delay;
    return wait.isZero() ? reply : FakeReply.delayed(wait, reply);
  }

  private static String echo(String prompt) {
    String echoed = prompt.substring(prompt.lastIndexOf(':') + 1).trim();
    return io.configurableagents.runtime.jobs.JobJson.MAPPER.createObjectNode().put("result", echoed).toString();
  }
}
