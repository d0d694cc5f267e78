package io.configurableagents.runtime.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.runtime.jobs.Job;
import io.configurableagents.runtime.jobs.JobError;
import io.configurableagents.runtime.jobs.JobState;
import io.configurableagents.runtime.jobs.LogJobStore;
import io.configurableagents.runtime.jobs.Retention;
import io.configurableagents.runtime.llm.ProviderFailures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
    return new Trace(moved, t.traceId(), t.spanId(), t.parentSpanId(), t.promptsLogged(), 0, t.inputs(), t.outputs(), t.spans());
  }

  @Test
  void aTraceWrittenAsJsonReadsBackEqual() throws IOException {
    Trace ok = TraceFixtures.run(TraceFixtures.TWO_NODES, new ScriptedLlm(r -> "nope", r -> "{\"result\": \"x\"}"),
        Map.of("topic", "t"), TraceFixtures.logging(true));
    Trace failed = TraceFixtures.run(TraceFixtures.TWO_NODES, new ScriptedLlm(r -> {
      throw ProviderFailures.http(503, "overloaded", Optional.of(Duration.ofMillis(1)));
    }), Map.of("topic", "t"), TraceFixtures.logging(false));

    for (Trace trace : List.of(ok, failed)) {
      assertThat(TraceParser.trace(TraceJson.MAPPER.readTree(TraceJson.bytes(trace)))).isEqualTo(trace);
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
      assertThat(reopened.recovery()).isEqualTo(new TraceStore.Recovery(2, 1, 0, 0));
      assertThat(reopened.summaries()).extracting(TraceSummary::jobId).containsExactly("going-1", "done-1");
      assertThat(reopened.find("going-1").orElseThrow().summary().status()).isEqualTo(RunStatus.INTERRUPTED);
      Trace done = reopened.find("done-1").orElseThrow();
      assertThat(done.summary().status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(done.spans()).hasSize(4);
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).singleElement().asString().matches("traces-\\d{12}\\.log");
    }
  }

  @Test
  void eachJobACrashLeftWithoutATraceGetsOneMadeFromItsRecordWithinRetention(@TempDir Path jobsDir) throws IOException {
    Instant now = Instant.now();
    Retention keepJobs = new Retention(Duration.ofDays(7), 100);
    try (LogJobStore jobs = LogJobStore.open(jobsDir, keepJobs, Clock.systemUTC())) {
      JobError providerError = new JobError("provider_error", Optional.of("plan"), "HTTP 500", true);
      CompletableFuture.allOf(
          jobs.save(Job.pending("broke", now.minusSeconds(40)).started(now.minusSeconds(40)).finished(new JobState.Failed(providerError), now.minusSeconds(39))),
          jobs.save(Job.pending("done", now.minusSeconds(30)).started(now.minusSeconds(30))
              .finished(new JobState.Completed(Map.of("result", "r".repeat(100_000))), now.minusSeconds(29))),
          jobs.save(Job.pending("waiting", now.minusSeconds(20))),
          jobs.save(Job.pending("traced", now.minusSeconds(10)).started(now.minusSeconds(10))
              .finished(new JobState.Completed(Map.of("result", "x")), now.minusSeconds(9)))).join();
    }
    try (TraceStore store = TraceStore.open(dir, TraceRetention.DEFAULT, Clock.systemUTC())) {
      store.finished(sample("traced", now.minusSeconds(10), RunStatus.COMPLETED));
    }

    TraceRetention keepThree = new TraceRetention(Duration.ofDays(7), 3);
    try (LogJobStore jobs = LogJobStore.open(jobsDir, keepJobs, Clock.systemUTC());
        TraceStore traces = TraceStore.open(dir, keepThree, Clock.systemUTC(), lostRuns(jobs))) {
      assertThat(traces.recovery()).isEqualTo(new TraceStore.Recovery(3, 0, 2, 0));
      Trace done = traces.find("done").orElseThrow();
      assertThat(done.summary().status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(done.summary().startedAt()).isEqualTo(now.minusSeconds(30));
      assertThat(done.summary().duration()).isEqualTo(Duration.ofSeconds(1));
      assertThat(done.outputs().orElseThrow().get("result")).isEqualTo("r".repeat(100) + "… [truncated: 100000 chars]");
      assertThat(done.spans()).isEmpty();
      Trace waiting = traces.find("waiting").orElseThrow();
      assertThat(waiting.summary().status()).isEqualTo(RunStatus.INTERRUPTED);
      assertThat(waiting.summary().error().orElseThrow().message()).isEqualTo("interrupted by restart");
      assertThat(traces.find("traced").orElseThrow().spans()).hasSize(4);
      assertThat(traces.find("broke")).as("older than the three runs retention keeps").isEmpty();
    }

    try (LogJobStore jobs = LogJobStore.open(jobsDir, keepJobs, Clock.systemUTC());
        TraceStore again = TraceStore.open(dir, keepThree, Clock.systemUTC(), lostRuns(jobs))) {
      assertThat(again.recovery()).isEqualTo(new TraceStore.Recovery(3, 0, 0, 0));
      assertThat(again.find("waiting").orElseThrow().summary().status()).isEqualTo(RunStatus.INTERRUPTED);
    }
  }

  private static LostRuns lostRuns(LogJobStore jobs) {
    return LostRuns.in(jobs, "story", "2.1.0", new ContentPolicy(true, List.of(), 100));
  }

  @Test
  void retentionKeepsTheNewestRunsWithinTheCountAndAge() throws IOException {
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
      assertThat(reopened.find("too-old")).isEmpty();
      assertThat(reopened.find("run-1")).isEmpty();
    }
    assertThat(logText()).doesNotContain("too-old", "run-1").contains("run-2", "run-3", "run-4");
  }

  @Test
  void aRecordTornByACrashIsSkippedAndTheRestKept() throws IOException {
    Instant now = Instant.now();
    try (TraceStore store = TraceStore.open(dir, TraceRetention.DEFAULT, Clock.systemUTC())) {
      store.finished(sample("kept-1", now.minusSeconds(2), RunStatus.COMPLETED));
      store.finished(sample("kept-2", now.minusSeconds(1), RunStatus.COMPLETED));
    }
    Path segment = onlySegment();
    byte[] whole = Files.readAllBytes(segment);
    byte[] tail = "0badc0de {\"summary\": {\"job_id\": \"cut".getBytes(StandardCharsets.UTF_8);
    byte[] torn = Arrays.copyOf(whole, whole.length + tail.length);
    System.arraycopy(tail, 0, torn, whole.length, tail.length);
    Files.write(segment, torn);

    try (TraceStore reopened = TraceStore.open(dir, TraceRetention.DEFAULT, Clock.systemUTC())) {
      assertThat(reopened.recovery()).isEqualTo(new TraceStore.Recovery(2, 0, 0, 1));
      reopened.finished(sample("after", now, RunStatus.COMPLETED));
    }
    try (TraceStore again = TraceStore.open(dir, TraceRetention.DEFAULT, Clock.systemUTC())) {
      assertThat(again.recovery()).isEqualTo(new TraceStore.Recovery(3, 0, 0, 0));
      assertThat(again.find("after").orElseThrow().spans()).hasSize(4);
      assertThat(again.find("kept-1")).isPresent();
    }
  }

  @Test
  void oddJobIdsAreKeptAsDataAndTheFilesOfEarlierVersionsAreTakenIn() throws IOException {
    Trace legacy = sample("from-a-file", Instant.now().minusSeconds(60), RunStatus.COMPLETED);
    Files.write(dir.resolve("from-a-file.json"), TraceJson.bytes(legacy));
    Files.writeString(dir.resolve("broken.json"), "{\"summary\": {\"job_id\": ");
    Files.writeString(dir.resolve("half-written.json.tmp"), "{");
    try (TraceStore store = TraceStore.open(dir, TraceRetention.DEFAULT, Clock.systemUTC())) {
      assertThat(store.recovery()).isEqualTo(new TraceStore.Recovery(1, 0, 0, 1));
      store.finished(sample("../escape/attempt", Instant.now(), RunStatus.COMPLETED));
    }
    assertThat(dir.resolve("broken.json")).exists();
    assertThat(dir.resolve("from-a-file.json")).doesNotExist();
    assertThat(dir.resolve("half-written.json.tmp")).doesNotExist();
    assertThat(dir.getParent().resolve("escape")).doesNotExist();
    try (TraceStore reopened = TraceStore.open(dir, TraceRetention.DEFAULT, Clock.systemUTC())) {
      assertThat(reopened.find("../escape/attempt")).isPresent();
      assertThat(reopened.find("from-a-file").orElseThrow()).isEqualTo(legacy);
    }
  }

  @Test
  void manyRunsAtOnceAreAllWrittenAndTheLogIsCompactedToWhatRetentionKeeps() throws Exception {
    Instant now = Instant.now();
    TraceRetention keep500 = new TraceRetention(Duration.ofDays(1), 500);
    long compactAfter = 200_000;
    try (TraceStore store = TraceStore.open(dir, keep500, Clock.systemUTC(), compactAfter)) {
      List<Thread> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        runs.add(Thread.ofVirtual().start(() -> {
          for (int i = 0; i < 250; i++) {
            String id = "run-" + thread + "-" + i;
            Instant at = now.minusSeconds(10_000).plusMillis(i * 10L + thread);
            store.started(sample(id, at, RunStatus.RUNNING));
            store.finished(sample(id, at, RunStatus.COMPLETED));
          }
        }));
      }
      for (Thread run : runs) {
        run.join();
      }
    }
    long written = Files.size(onlySegment());
    try (TraceStore reopened = TraceStore.open(dir, keep500, Clock.systemUTC(), compactAfter)) {
      assertThat(reopened.recovery()).isEqualTo(new TraceStore.Recovery(500, 0, 0, 0));
      assertThat(reopened.summaries().getFirst().jobId()).isEqualTo("run-7-249");
      assertThat(reopened.summaries().getLast().jobId()).isEqualTo("run-4-187");
      assertThat(reopened.summaries()).allSatisfy(s -> {
        assertThat(s.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(reopened.find(s.jobId())).isPresent();
      });
    }
    long live = Files.size(onlySegment());
    assertThat(written).as("the log before the restart, against the 500 traces it keeps").isLessThan(4 * live);
  }

  private Path onlySegment() throws IOException {
    try (var files = Files.list(dir)) {
      List<Path> segments = files.filter(f -> f.getFileName().toString().endsWith(".log")).toList();
      assertThat(segments).hasSize(1);
      return segments.getFirst();
    }
  }

  private String logText() throws IOException {
    return Files.readString(onlySegment());
  }
}
