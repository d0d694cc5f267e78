package io.configurableagents.runtime.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.model.Workflow;
import io.configurableagents.runtime.engine.RunControl;
import io.configurableagents.runtime.engine.RunResult;
import io.configurableagents.runtime.engine.WorkflowEngine;
import io.configurableagents.runtime.llm.ProviderFailures;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracesPagingTest {
  @TempDir Path dir;

  @Test
  void runsAreListedNewestFirstFilteredByStatusPagedAndARunningRunIsLive() throws Exception {
    Workflow workflow = TraceFixtures.load(TraceFixtures.TWO_NODES);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch inCall = new CountDownLatch(1);
    ScriptedLlm llm = new ScriptedLlm(request -> {
      if (request.prompt().contains("slow")) {
        inCall.countDown();
        await(release);
      }
      if (request.prompt().contains("broken")) {
        throw ProviderFailures.http(400, "bad request");
      }
      return "{\"result\": \"x\"}";
    });
    try (Tracing tracing = Tracing.start(workflow, TraceFixtures.logging(true), dir, Clock.systemUTC())) {
      WorkflowEngine engine = WorkflowEngine.create(workflow, TraceFixtures.OPTIONS, spec -> llm);
      for (int i = 1; i <= 3; i++) {
        engine.run("ok-" + i, engine.prepareInputs(Map.of("topic", "t" + i)), RunControl.create(), tracing.recorder());
        Thread.sleep(2);
      }
      engine.run("failed-1", engine.prepareInputs(Map.of("topic", "broken")), RunControl.create(), tracing.recorder());
      Thread.sleep(2);
      CompletableFuture<RunResult> slow = CompletableFuture.supplyAsync(
          () -> engine.run("slow-1", engine.prepareInputs(Map.of("topic", "slow")), RunControl.create(), tracing.recorder()));
      assertThat(inCall.await(10, TimeUnit.SECONDS)).isTrue();

      Traces traces = tracing.traces();
      assertThat(traces.page(Optional.empty(), 0, 10).runs()).extracting(TraceSummary::jobId)
          .containsExactly("slow-1", "failed-1", "ok-3", "ok-2", "ok-1");
      Traces.Page second = traces.page(Optional.empty(), 2, 2);
      assertThat(second.runs()).extracting(TraceSummary::jobId).containsExactly("ok-3", "ok-2");
      assertThat(second.total()).isEqualTo(5);
      assertThat(traces.page(Optional.of(RunStatus.FAILED), 0, 10).runs()).extracting(TraceSummary::jobId).containsExactly("failed-1");
      Trace live = traces.find("slow-1").orElseThrow();
      assertThat(live.summary().status()).isEqualTo(RunStatus.RUNNING);
      assertThat(live.spans()).hasSize(2).allSatisfy(s -> assertThat(s.status()).isEqualTo(SpanStatus.RUNNING));

      release.countDown();
      assertThat(slow.get(10, TimeUnit.SECONDS)).isInstanceOf(RunResult.Succeeded.class);
      assertThat(traces.page(Optional.of(RunStatus.RUNNING), 0, 10).runs()).isEmpty();
      assertThat(traces.find("slow-1").orElseThrow().summary().status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(traces.page(Optional.of(RunStatus.COMPLETED), 0, 10).total()).isEqualTo(4);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
