package io.configurableagents.runtime.engine;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints the engine's overhead per node execution, LLM time excluded: a chain of ten LLM nodes
 * (input mapping, prompt with placeholders, object output with two fields, lax coercion, events
 * to a listener) against a fake client that answers at once, one run at a time after a warm-up.
 *
 * <p>Run: {@code ./mvnw -B -q -pl helidon-runtime -am verify -DskipTests -Pbenchmark} (see
 * docs/performance.md).
 */
public final class EngineOverheadBenchmark {
  private static final int NODES = 10;

  private EngineOverheadBenchmark() {}

  public static void main(String[] args) {
    Duration warmup = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 10);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    WorkflowEngine engine =
        Harness.engine(chain(), FakeLlmClient.replying("{\"text\": \"an answer\", \"score\": \"7\"}"));
    Map<String, Object> inputs = Map.of("topic", "tea", "tags", java.util.List.of("green", "black"));
    AtomicLong events = new AtomicLong();
    RunListener listener = event -> events.incrementAndGet();

    long until = System.nanoTime() + warmup.toNanos();
    int warmed = 0;
    while (System.nanoTime() < until) {
      check(engine.run("w" + warmed++, engine.prepareInputs(inputs), RunControl.create(), listener));
    }
    long[] perNode = new long[runs];
    long[] nodeDurations = new long[runs * NODES];
    int n = 0;
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      RunResult result = engine.run("r" + i, engine.prepareInputs(inputs), RunControl.create(), listener);
      perNode[i] = (System.nanoTime() - start) / NODES;
      check(result);
      for (NodeRecord node : result.metadata().nodes()) {
        nodeDurations[n++] = node.duration().toNanos();
      }
    }
    System.out.printf(
        "engine overhead, %d-node chain, fake LLM answering at once, %d warm-up runs, %d measured runs (%d events),"
            + " load average %.2f%n",
        NODES, warmed, runs, events.get(), java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    print("run time / nodes", perNode);
    print("node execution  ", Arrays.copyOf(nodeDurations, n));
  }

  private static void print(String what, long[] nanos) {
    Arrays.sort(nanos);
    System.out.printf(
        "%s: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n",
        what, pct(nanos, 50), pct(nanos, 90), pct(nanos, 99), nanos[nanos.length - 1] / 1e6);
  }

  private static double pct(long[] sorted, double p) {
    int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }

  private static void check(RunResult result) {
    if (!(result instanceof RunResult.Succeeded)) {
      throw new IllegalStateException("benchmark run failed: " + result);
    }
  }

  private static String chain() {
    StringBuilder yaml =
        new StringBuilder(
            """
            schema_version: "1.0"
            flow: {name: chain}
            state:
              fields:
                topic: {type: str, required: true}
                tags: {type: "list[str]", default: []}
                text: {type: str, default: ""}
                score: {type: int, default: 0}
            nodes:
            """);
    for (int i = 0; i < NODES; i++) {
      yaml.append(
          """
            - id: n%d
              inputs: {subject: "the topic {state.topic}"}
              prompt: "Step %d on {subject} with tags {state.tags}; so far: {state.text} (score {state.score})"
              outputs: [text, score]
              output_schema:
                type: object
                fields:
                  - {name: text, type: str, description: The text}
                  - {name: score, type: int, description: A score}
          """
              .formatted(i, i));
    }
    yaml.append("edges:\n  - {from: START, to: n0}\n");
    for (int i = 0; i < NODES - 1; i++) {
      yaml.append("  - {from: n%d, to: n%d}\n".formatted(i, i + 1));
    }
    yaml.append("  - {from: n%d, to: END}\n".formatted(NODES - 1));
    return yaml.toString();
  }
}
