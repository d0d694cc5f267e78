package io.configurableagents.runtime.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.runtime.llm.ProviderFailures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceStoreTest {
  @TempDir Path dir;

  private static Trace sample(String jobId, Instant startedAt, RunStatus status) {
    Trace t = TraceFixtures.run(TraceFixtures.TWO_NODES, ScriptedLlm.replying("{\"result\": \"x\"}"), Map.of("topic", "t"), TraceFixtures.logging(true));
    TraceSummary s = t.summary();
    TraceSummary moved = new TraceSummary(jobId, s.workflow(), s.workflowVersion(), status, startedAt,
        status == RunStatus.RUNNING ? Optional.empty() : Optional.of(startedAt.plus(s.duration())), s.duration(),
        s.nodeCount(), s.llmAttempts(), s.inputTokens(), s.outputTokens(), s.error());
    return new Trace(moved, t.traceId(), t.spanId(), t.promptsLogged(), 0, t.inputs(), t.outputs(), t.spans());
  }

  @Test
  void aTraceWrittenAsJsonReadsBackEqual() {
    Trace ok = TraceFixtures.run(TraceFixtures.TWO_NODES, new ScriptedLlm(r -> "nope", r -> "{\"result\": \"x\"}"),
        Map.of("topic", "t"), TraceFixtures.logging(true));
    Trace failed = TraceFixtures.run(TraceFixtures.TWO_NODES, new ScriptedLlm(r -> {
      throw ProviderFailures.http(503, "overloaded", Optional.of(Duration.ofMillis(1)));
    }), Map.of("topic", "t"), TraceFixtures.logging(false));

    for (Trace trace : List.of(ok, failed)) {
      assertThat(TraceParser.trace(TraceJson.trace(trace))).isEqualTo(trace);
    }
  }

  @Test
  void tracesSurviveARestartAndARunThatWasGoingIsMarkedInterrupted() throws IOException {
    Instant now = Instant.now();
    try (TraceStore store = TraceStore.open(dir, TraceRetention.DEFAULT, Clock.systemUTC())) {
      store.finished(sample("done-1", now.minusSeconds(5), RunStatus.COMPLETED));
      store.started(sample("going-1", now.minusSeconds(1), RunStatus.RUNNING));
      assertThat(store.find("done-1")).isPresent();
    }

    try (TraceStore reopened = TraceStore.open(dir, TraceRetention.DEFAULT, Clock.systemUTC())) {
      assertThat(reopened.recovery()).isEqualTo(new TraceStore.Recovery(2, 1, 0));
      assertThat(reopened.summaries()).extracting(TraceSummary::jobId).containsExactly("going-1", "done-1");
      assertThat(reopened.find("going-1").orElseThrow().summary().status()).isEqualTo(RunStatus.INTERRUPTED);
      Trace done = reopened.find("done-1").orElseThrow();
      assertThat(done.summary().status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(done.spans()).hasSize(4);
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("done-1.json", "going-1.json");
    }
  }

  @Test
  void retentionKeepsTheNewestRunsWithinTheCountAndAge() {
    Instant now = Instant.parse("2026-11-20T12:00:00Z");
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    try (TraceStore store = TraceStore.open(dir, new TraceRetention(Duration.ofHours(24), 3), clock)) {
      store.finished(sample("too-old", now.minus(Duration.ofHours(25)), RunStatus.COMPLETED));
      for (int i = 1; i <= 4; i++) {
        store.finished(sample("run-" + i, now.minusSeconds(100 - i), RunStatus.COMPLETED));
      }
    }
    try (TraceStore reopened = TraceStore.open(dir, new TraceRetention(Duration.ofHours(24), 3), clock)) {
      assertThat(reopened.summaries()).extracting(TraceSummary::jobId).containsExactly("run-4", "run-3", "run-2");
      assertThat(dir.resolve("too-old.json")).doesNotExist();
      assertThat(dir.resolve("run-1.json")).doesNotExist();
    }
  }

  @Test
  void anUnreadableFileIsSkippedAndLeftInPlaceAndOddJobIdsMakeSafeFileNames() throws IOException {
    Files.writeString(dir.resolve("broken.json"), "{\"summary\": {\"job_id\": ");
    Files.writeString(dir.resolve("half-written.json.tmp"), "{");
    try (TraceStore store = TraceStore.open(dir, TraceRetention.DEFAULT, Clock.systemUTC())) {
      assertThat(store.recovery().damaged()).isEqualTo(1);
      store.finished(sample("../escape/attempt", Instant.now(), RunStatus.COMPLETED));
    }
    assertThat(dir.resolve("broken.json")).exists();
    assertThat(dir.resolve("half-written.json.tmp")).doesNotExist();
    assertThat(dir.getParent().resolve("escape")).doesNotExist();
    try (TraceStore reopened = TraceStore.open(dir, TraceRetention.DEFAULT, Clock.systemUTC())) {
      assertThat(reopened.find("../escape/attempt")).isPresent();
    }
  }
}
