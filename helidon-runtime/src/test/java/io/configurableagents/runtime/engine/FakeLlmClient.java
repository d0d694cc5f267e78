package io.configurableagents.runtime.engine;

import io.configurableagents.runtime.llm.LlmClient;
import io.configurableagents.runtime.llm.LlmRequest;
import io.configurableagents.runtime.llm.LlmResponse;
import io.configurableagents.runtime.llm.LlmTarget;
import io.configurableagents.runtime.llm.ProviderFailures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A scripted {@link LlmClient} (after LangChain4j's {@code ChatModelMock}): a static reply, a
 * thrown exception, a function of the request, or a script of steps taken in call order (the last
 * one repeats). It records every request, counts calls in flight, and notices when a call it was
 * still working on got interrupted (an abandoned call).
 */
final class FakeLlmClient implements LlmClient {
  private final List<Function<LlmRequest, String>> script;
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicInteger interrupted = new AtomicInteger();
  private final List<LlmRequest> requests = new CopyOnWriteArrayList<>();
  private final Duration delay;

  private FakeLlmClient(List<Function<LlmRequest, String>> script, Duration delay) {
    this.script = List.copyOf(script);
    this.delay = delay;
  }

  /** Answers every request with {@code json}. */
  static FakeLlmClient replying(String json) {
    return answering(request -> json);
  }

  /** Answers with what {@code answer} makes of the request (it may throw to fail the call). */
  static FakeLlmClient answering(Function<LlmRequest, String> answer) {
    return new FakeLlmClient(List.of(answer), Duration.ZERO);
  }

  /** Fails every call with {@code failure}. */
  static FakeLlmClient throwing(RuntimeException failure) {
    return answering(fail(failure));
  }

  /** One step per call, in order; the last step repeats. */
  @SafeVarargs
  static FakeLlmClient scripted(Function<LlmRequest, String>... steps) {
    return new FakeLlmClient(List.of(steps), Duration.ZERO);
  }

  static Function<LlmRequest, String> reply(String json) {
    return request -> json;
  }

  static Function<LlmRequest, String> fail(RuntimeException failure) {
    return request -> {
      throw failure;
    };
  }

  /** A step that never answers (until interrupted). */
  static Function<LlmRequest, String> stall() {
    return request -> {
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("stalled call interrupted");
    };
  }

  /** The same fake, taking {@code pause} before each answer. */
  FakeLlmClient delayed(Duration pause) {
    return new FakeLlmClient(script, pause);
  }

  /** The node a request is for ({@code Output_<node>}). */
  static String nodeOf(LlmRequest request) {
    return request.schemaName().substring("Output_".length());
  }

  @Override
  public LlmResponse complete(LlmRequest request) {
    requests.add(request);
    int n = calls.getAndIncrement();
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      if (!delay.isZero()) {
        Thread.sleep(delay);
      }
      String text = script.get(Math.min(n, script.size() - 1)).apply(request);
      return new LlmResponse(text, 10, 5, target().model());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    } finally {
      if (Thread.currentThread().isInterrupted()) {
        interrupted.incrementAndGet();
      }
      inFlight.decrementAndGet();
    }
  }

  @Override
  public LlmTarget target() {
    return ProviderFailures.TARGET;
  }

  int calls() {
    return calls.get();
  }

  /** The most calls that were in flight at the same moment. */
  int maxInFlight() {
    return maxInFlight.get();
  }

  /** Calls that were interrupted (abandoned) before they answered. */
  int interruptedCalls() {
    return interrupted.get();
  }

  List<LlmRequest> requests() {
    return new ArrayList<>(requests);
  }

  List<String> prompts() {
    return requests.stream().map(LlmRequest::prompt).toList();
  }

  List<String> promptsFor(String node) {
    return requests.stream().filter(r -> nodeOf(r).equals(node)).map(LlmRequest::prompt).toList();
  }
}
