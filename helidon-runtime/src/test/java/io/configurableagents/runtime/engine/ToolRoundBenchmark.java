package io.configurableagents.runtime.engine;

import io.configurableagents.runtime.llm.ToolCall;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * Prints the engine's overhead of one tool round, model and tool time excluded: a one-node
 * workflow whose model (in process, answering at once) first asks for {@code json_parse} and then
 * answers, against the same node without tools answering at once; the difference of the run times
 * is what one round costs (the request with the tool's specification and the round, the call on a
 * virtual thread, its events, the cap of the result). One run at a time after a warm-up.
 *
 * <p>Run: {@code ./mvnw -B -q -pl helidon-runtime -am verify -DskipTests -Pbenchmark
 * -Dbenchmark.class=io.configurableagents.runtime.engine.ToolRoundBenchmark -Dbenchmark.args="10 20000"}
 * (warm-up seconds, measured runs; see docs/performance.md).
 */
public final class ToolRoundBenchmark {
  private static final String WORKFLOW =
      """
      schema_version: "1.0"
      flow: {name: tool-round}
      state:
        fields:
          topic: {type: str, required: true}
          notes: {type: str, default: ""}
      nodes:
        - id: research
          prompt: "Research {state.topic} and write notes."
          TOOLS
          outputs: [notes]
          output_schema: {type: str}
      edges:
        - {from: START, to: research}
        - {from: research, to: END}
      config: {llm: {provider: openai}}
      """;

  private ToolRoundBenchmark() {}

  public static void main(String[] args) {
    Duration warmup = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 10);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    ToolLoopTest.Turns withRound = new ToolLoopTest.Turns(
        r -> r.rounds().isEmpty()
            ? ToolLoopTest.Turns.calls(new ToolCall("c1", "json_parse", "{\"text\": \"{\\\"a\\\": [1, 2, 3]}\"}"))
            : ToolLoopTest.Turns.answer("{\"result\": \"notes\"}"));
    WorkflowEngine tools = Harness.engine(WORKFLOW.replace("TOOLS", "tools: [json_parse]"), withRound.recording(false));
    WorkflowEngine plain = Harness.engine(WORKFLOW.replace("TOOLS", ""),
        new ToolLoopTest.Turns(r -> ToolLoopTest.Turns.answer("{\"result\": \"notes\"}")).recording(false));
    Map<String, Object> inputs = Map.of("topic", "tea");

    long until = System.nanoTime() + warmup.toNanos();
    int warmed = 0;
    while (System.nanoTime() < until) {
      check(tools.run("w" + warmed, tools.prepareInputs(inputs), RunControl.create(), RunListener.NONE));
      check(plain.run("p" + warmed++, plain.prepareInputs(inputs), RunControl.create(), RunListener.NONE));
    }
    long[] withTool = new long[runs];
    long[] without = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      check(tools.run("t" + i, tools.prepareInputs(inputs), RunControl.create(), RunListener.NONE));
      withTool[i] = System.nanoTime() - start;
      start = System.nanoTime();
      check(plain.run("p" + i, plain.prepareInputs(inputs), RunControl.create(), RunListener.NONE));
      without[i] = System.nanoTime() - start;
    }
    Arrays.sort(withTool);
    Arrays.sort(without);
    System.out.printf("tool round overhead, one node, model and json_parse answering at once, %d warm-up pairs, %d measured pairs,"
        + " load average %.2f%n", warmed, runs, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    print("run with one tool round (2 exchanges + 1 call)", withTool);
    print("run without tools (1 exchange)               ", without);
    System.out.printf("one tool round costs (p50 difference): %.3f ms%n", pct(withTool, 50) - pct(without, 50));
  }

  private static void print(String what, long[] sorted) {
    System.out.printf("%s: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n",
        what, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
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
}
