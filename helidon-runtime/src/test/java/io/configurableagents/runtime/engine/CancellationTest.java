package io.configurableagents.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cancellation from another thread: the call in flight is abandoned, the run ends cancelled, nothing runs after it. */
class CancellationTest {

  private static final Map<String, String> NODES =
      Map.of(
          "first", "  - {id: first, prompt: \"First\", outputs: [a], output_schema: {type: str}}\n",
          "slow", "  - {id: slow, prompt: \"Slow\", outputs: [b], output_schema: {type: str}}\n",
          "other", "  - {id: other, prompt: \"Other\", outputs: [c], output_schema: {type: str}}\n",
          "after", "  - {id: after, prompt: \"After\", outputs: [a], output_schema: {type: str}}\n",
          "item", "  - {id: item, prompt: \"Item {_parallel_item}\", outputs: [c], output_schema: {type: str}}\n");

  /** A workflow with the given nodes (of {@link #NODES}) and edges. */
  private static String chain(String edges, String... nodes) {
    StringBuilder yaml =
        new StringBuilder(
            """
            schema_version: "1.0"
            flow: {name: chain}
            state:
              fields:
                items: {type: "list[str]", default: []}
                a: {type: str, default: ""}
                b: {type: str, default: ""}
                c: {type: str, default: ""}
                notes: {type: "list[str]", default: []}
            nodes:
            """);
    for (String n : nodes) {
      yaml.append(NODES.get(n));
    }
    return yaml.append("edges:\n").append(edges).toString();
  }

  /** Answers at once except for nodes named {@code slow...}, {@code other} and {@code item}, which stall. */
  private static FakeLlmClient stallingSlowNodes() {
    return FakeLlmClient.answering(
        r -> {
          String node = FakeLlmClient.nodeOf(r);
          if (node.equals("first") || node.equals("after")) {
            return "{\"result\": \"done\"}";
          }
          return FakeLlmClient.stall().apply(r);
        });
  }

  /** Runs on another thread, cancels once {@code stalled} attempts have started, and waits for the result. */
  private static Harness.Outcome cancelWhenStalled(String yaml, FakeLlmClient fake, int stalled) throws Exception {
    WorkflowEngine engine = Harness.engine(yaml, fake);
    RunControl control = RunControl.create();
    CountDownLatch started = new CountDownLatch(stalled + 1);
    Harness.Recorder recorder = new Harness.Recorder();
    RunListener listener =
        event -> {
          recorder.onEvent(event);
          if (event instanceof RunEvent.LlmAttemptStarted) {
            started.countDown();
          }
        };
    CompletableFuture<RunResult> result =
        CompletableFuture.supplyAsync(() -> engine.run("r", engine.prepareInputs(Map.of("items", List.of("x", "y", "z"))), control, listener));
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(50);
    long cancelledAt = System.nanoTime();
    control.cancel();
    RunResult ended = result.get(5, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt)).isLessThan(Duration.ofMillis(500));
    return new Harness.Outcome(ended, recorder.events());
  }

  @Test
  void cancellingAbandonsTheCallInFlightAndNothingRunsAfterIt() throws Exception {
    String yaml =
        chain(
            """
              - {from: START, to: first}
              - {from: first, to: slow}
              - {from: slow, to: after}
              - {from: after, to: END}
            """,
            "first", "slow", "after");
    FakeLlmClient fake = stallingSlowNodes();

    Harness.Outcome run = cancelWhenStalled(yaml, fake, 1);

    assertThat(run.result()).isInstanceOf(RunResult.Cancelled.class);
    assertThat(run.nodesStarted()).containsExactly("first", "slow");
    assertThat(run.of(RunEvent.NodeFailed.class))
        .singleElement()
        .satisfies(f -> {
          assertThat(f.node().nodeId()).isEqualTo("slow");
          assertThat(f.error().type()).isEqualTo(EngineError.CANCELLED);
        });
    assertThat(run.events()).last().isInstanceOf(RunEvent.RunFinished.class);
    awaitInterrupted(fake, 1);
  }

  @Test
  void cancellingStopsEveryFanOutBranchAndTheJoinNeverRuns() throws Exception {
    String yaml =
        chain(
            """
              - {from: START, to: first}
              - {from: first, to: [slow, other]}
              - {from: slow, to: after}
              - {from: other, to: after}
              - {from: after, to: END}
            """,
            "first", "slow", "other", "after");
    FakeLlmClient fake = stallingSlowNodes();

    Harness.Outcome run = cancelWhenStalled(yaml, fake, 2);

    assertThat(run.result()).isInstanceOf(RunResult.Cancelled.class);
    assertThat(run.nodesStarted()).doesNotContain("after");
    assertThat(run.of(RunEvent.NodeFailed.class))
        .extracting(f -> f.node().nodeId() + ": " + f.error().type())
        .containsExactlyInAnyOrder("slow: CANCELLED", "other: CANCELLED");
    assertThat(run.events()).last().isInstanceOf(RunEvent.RunFinished.class);
    awaitInterrupted(fake, 2);
  }

  @Test
  void cancellingStopsEveryParallelItem() throws Exception {
    String yaml =
        chain(
            """
              - {from: START, to: first}
              - from: first
                parallel: {items_field: items, target_node: item, collect_field: notes}
              - {from: item, to: after}
              - {from: after, to: END}
            """,
            "first", "after", "item");
    FakeLlmClient fake = stallingSlowNodes();

    Harness.Outcome run = cancelWhenStalled(yaml, fake, 3);

    assertThat(run.result()).isInstanceOf(RunResult.Cancelled.class);
    assertThat(run.nodesStarted()).doesNotContain("after");
    assertThat(run.of(RunEvent.NodeFailed.class)).hasSize(3);
    awaitInterrupted(fake, 3);
  }

  @Test
  void aRunCancelledBeforeItStartsRunsNothing() {
    FakeLlmClient fake = stallingSlowNodes();
    RunControl control = RunControl.create();
    control.cancel();
    String yaml = chain("  - {from: START, to: first}\n  - {from: first, to: END}\n", "first");

    Harness.Outcome run = Harness.run(Harness.engine(yaml, fake), Map.of(), control);

    assertThat(run.result()).isInstanceOf(RunResult.Cancelled.class);
    assertThat(fake.calls()).isZero();
    assertThat(run.events()).hasSize(2);
  }

  @Test
  void interruptingTheRunsThreadCancelsTheRun() throws Exception {
    String yaml = chain("  - {from: START, to: slow}\n  - {from: slow, to: END}\n", "slow");
    FakeLlmClient fake = stallingSlowNodes();
    WorkflowEngine engine = Harness.engine(yaml, fake);
    CompletableFuture<RunResult> result = new CompletableFuture<>();
    AtomicInteger interruptedAfter = new AtomicInteger(-1);
    Thread runner =
        Thread.ofVirtual()
            .start(
                () -> {
                  result.complete(engine.run("r", engine.prepareInputs(Map.of()), RunControl.create(), RunListener.NONE));
                  interruptedAfter.set(Thread.currentThread().isInterrupted() ? 1 : 0);
                });
    while (fake.calls() == 0) {
      Thread.sleep(5);
    }
    runner.interrupt();

    assertThat(result.get(5, TimeUnit.SECONDS)).isInstanceOf(RunResult.Cancelled.class);
    runner.join(5000);
    assertThat(interruptedAfter).hasValue(1);
  }

  private static void awaitInterrupted(FakeLlmClient fake, int calls) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (fake.interruptedCalls() < calls && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertThat(fake.interruptedCalls()).isEqualTo(calls);
  }
}
