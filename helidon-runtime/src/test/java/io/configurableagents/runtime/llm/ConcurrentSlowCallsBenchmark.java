package io.configurableagents.runtime.llm;

import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.core.model.Provider;
import io.configurableagents.runtime.llm.fake.FakeProviderServer;
import io.configurableagents.runtime.llm.fake.FakeReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * N calls at once through the real OpenAI client to a fake that answers each after a delay: wall
 * time, latency percentiles, successes, requests the fake counted. Prints figures, asserts nothing.
 *
 * <pre>java -Xmx256m -cp ... io.configurableagents.runtime.llm.ConcurrentSlowCallsBenchmark [calls] [delay-ms]</pre>
 */
public final class ConcurrentSlowCallsBenchmark {
  /** What one run measured. */
  public record Figures(int calls, int succeeded, int requestsSeen, Duration wall, Duration p50, Duration p99) {
    @Override
    public String toString() {
      return String.format(
          "%d concurrent calls, fake delay: %d succeeded, fake saw %d requests, wall %d ms, latency p50 %d ms, p99 %d ms",
          calls, succeeded, requestsSeen, wall.toMillis(), p50.toMillis(), p99.toMillis());
    }
  }

  private ConcurrentSlowCallsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    Duration delay = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 1000);
    run(calls, delay); // warm-up: class loading, JIT, connection pool
    System.out.println(run(calls, delay));
  }

  public static Figures run(int calls, Duration delay) throws Exception {
    try (FakeProviderServer fake = FakeProviderServer.start();
        LlmClients clients = LlmClients.create(Environment.of(Map.of("OPENAI_API_KEY", "sk-bench")), LlmClientOptions.DEFAULT)) {
      fake.replyByDefault(FakeReply.delayed(delay, FakeReply.conforming()));
      LlmClient client =
          clients.clientFor(new LlmSpec(Optional.of(Provider.OPENAI), Optional.empty(), Optional.empty(), Optional.empty(),
                  Optional.of(fake.openAiBaseUrl())));
      LlmRequest request = TestSchemas.reviewRequest("Rate the food");
      long start = System.nanoTime();
      List<Future<Long>> futures = new ArrayList<>(calls);
      try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < calls; i++) {
          futures.add(executor.submit(() -> timed(client, request)));
        }
      }
      Duration wall = Duration.ofNanos(System.nanoTime() - start);
      List<Long> latencies = new ArrayList<>();
      for (Future<Long> f : futures) {
        if (f.state() == Future.State.SUCCESS) {
          latencies.add(f.resultNow());
        }
      }
      latencies.sort(null);
      return new Figures(calls, latencies.size(), fake.requestCount(), wall, percentile(latencies, 50), percentile(latencies, 99));
    }
  }

  private static long timed(LlmClient client, LlmRequest request) {
    long start = System.nanoTime();
    client.complete(request);
    return System.nanoTime() - start;
  }

  private static Duration percentile(List<Long> sorted, int p) {
    return sorted.isEmpty() ? Duration.ZERO : Duration.ofNanos(sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)));
  }
}
