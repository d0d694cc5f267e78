package io.configurableagents.runtime.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogJobStoreTest {
  private static final Retention KEEP_ALL = new Retention(Duration.ofDays(7), 10_000);

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:00:00Z"));

  @Test
  void finishedJobsAreReadableAfterReopen() {
    Job completed = finished("a", new JobState.Completed(Map.of("message", "hi", "count", 3L)));
    Job failed = finished("b", new JobState.Failed(new JobError("provider_error", Optional.of("echo"), "HTTP 500", true)));
    Job cancelled = finished("c", JobState.CANCELLED);
    try (LogJobStore store = open(KEEP_ALL)) {
      join(store.save(completed), store.save(failed), store.save(cancelled));
    }

    try (LogJobStore store = open(KEEP_ALL)) {
      assertThat(store.find("a")).contains(completed);
      assertThat(store.find("b")).contains(failed);
      assertThat(store.find("c")).contains(cancelled);
      assertThat(store.recovery()).isEqualTo(new LogJobStore.Recovery(3, 0, 0));
    }
  }

  @Test
  void largeOutputsAreReadBackWholeFromDiskBeforeAndAfterReopen() {
    String large = "z".repeat(2_000_000);
    Job completed = finished("big", new JobState.Completed(Map.of("message", large, "result", large + "!")));
    try (LogJobStore store = open(KEEP_ALL)) {
      join(store.save(completed));
      assertThat(store.find("big")).contains(completed);
      assertThat(store.summaries()).containsExactly(JobSummary.of(completed));
    }

    try (LogJobStore store = open(KEEP_ALL)) {
      assertThat(store.find("big")).contains(completed);
    }
  }

  @Test
  void jobsUnfinishedAtRestartAreReportedFailedAndNeverRunAgain() {
    Job pending = Job.pending("p", clock.instant());
    Job running = Job.pending("r", clock.instant()).started(clock.instant());
    try (LogJobStore store = open(KEEP_ALL)) {
      join(store.save(pending), store.save(running));
    }
    clock.advance(Duration.ofMinutes(1));

    try (LogJobStore store = open(KEEP_ALL)) {
      Job reloaded = store.find("r").orElseThrow();
      assertThat(reloaded.state()).isEqualTo(new JobState.Failed(JobError.interruptedByRestart()));
      assertThat(((JobState.Failed) reloaded.state()).error().message()).isEqualTo("interrupted by restart");
      assertThat(reloaded.startedAt()).isEqualTo(running.startedAt());
      assertThat(reloaded.completedAt()).contains(clock.instant());
      assertThat(store.find("p").orElseThrow().state().label()).isEqualTo("failed");
      assertThat(store.recovery().interrupted()).isEqualTo(2);
    }
  }

  @Test
  void theLatestRecordOfAJobWins() {
    Job pending = Job.pending("x", clock.instant());
    Job running = pending.started(clock.instant());
    Job done = running.finished(new JobState.Completed(Map.of("result", "ok")), clock.instant());
    try (LogJobStore store = open(KEEP_ALL)) {
      join(store.save(pending), store.save(running), store.save(done));
    }
    try (LogJobStore store = open(KEEP_ALL)) {
      assertThat(store.find("x")).contains(done);
    }
  }

  @Test
  void aTornLastRecordIsSkippedAndTheRestIsRead() throws IOException {
    try (LogJobStore store = open(KEEP_ALL)) {
      join(store.save(finished("a", JobState.CANCELLED)), store.save(finished("b", JobState.CANCELLED)));
    }
    Path segment = onlySegment();
    byte[] whole = Files.readAllBytes(segment);
    // a crash in the middle of writing the last record: half a line, no newline
    byte[] torn = java.util.Arrays.copyOf(whole, whole.length - 20);
    Files.write(segment, torn);

    try (LogJobStore store = open(KEEP_ALL)) {
      assertThat(store.find("a")).isPresent();
      assertThat(store.find("b")).isEmpty();
      assertThat(store.recovery().damagedRecords()).isEqualTo(1);
    }
  }

  @Test
  void aRecordWithAWrongChecksumIsSkipped() throws IOException {
    try (LogJobStore store = open(KEEP_ALL)) {
      join(store.save(finished("a", JobState.CANCELLED)));
    }
    Files.writeString(onlySegment(), "0badc0de {\"job_id\":\"z\",\"status\":\"cancelled\"}\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    try (LogJobStore store = open(KEEP_ALL)) {
      assertThat(store.find("a")).isPresent();
      assertThat(store.find("z")).isEmpty();
      assertThat(store.recovery().damagedRecords()).isEqualTo(1);
    }
  }

  @Test
  void retentionByCountKeepsTheNewestFinishedJobs() {
    try (LogJobStore store = open(new Retention(Duration.ofDays(7), 3))) {
      Job unfinished = Job.pending("running", clock.instant()).started(clock.instant());
      join(store.save(unfinished));
      List<CompletableFuture<Void>> saves = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        clock.advance(Duration.ofSeconds(1));
        saves.add(store.save(finished("job" + i, JobState.CANCELLED)));
      }
      join(saves.toArray(CompletableFuture[]::new));
      join(store.save(finished("job6", JobState.CANCELLED)));

      assertThat(Stream.of("job1", "job2", "job3").map(store::find)).allMatch(Optional::isEmpty);
      assertThat(Stream.of("job4", "job5", "job6", "running").map(store::find)).allMatch(Optional::isPresent);
    }
  }

  @Test
  void retentionByAgeRemovesJobsFinishedLongAgo() {
    try (LogJobStore store = open(new Retention(Duration.ofHours(1), 100))) {
      join(store.save(finished("old", JobState.CANCELLED)));
    }
    clock.advance(Duration.ofMinutes(30));
    try (LogJobStore store = open(new Retention(Duration.ofHours(1), 100))) {
      join(store.save(finished("recent", JobState.CANCELLED)));
      assertThat(store.find("old")).isPresent();
    }
    clock.advance(Duration.ofMinutes(31));
    try (LogJobStore store = open(new Retention(Duration.ofHours(1), 100))) {
      assertThat(store.find("old")).isEmpty();
      assertThat(store.find("recent")).isPresent();
    }
  }

  @Test
  void aSaveIsVisibleAtOnceAndDurableWhenItsFutureCompletes() throws IOException {
    try (LogJobStore store = open(KEEP_ALL)) {
      Job job = Job.pending("visible", clock.instant());
      CompletableFuture<Void> durable = store.save(job);
      assertThat(store.find("visible")).contains(job);
      durable.join();
      assertThat(Files.readString(onlySegment())).contains("\"job_id\":\"visible\"");
    }
  }

  @Test
  void manySavesAreCompactedIntoOneSegmentThatReopens() throws IOException {
    try (LogJobStore store = LogJobStore.open(dir, new Retention(Duration.ofDays(1), 1_000), clock, 1 << 20)) {
      for (int round = 0; round < 30; round++) {
        // 2,000 different jobs a round, and a round waits for the one before: no batch holds two
        // records of one job (those would be written as one), so the log gets all 60,000
        List<CompletableFuture<Void>> saves = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
          saves.add(store.save(Job.pending("job" + i, clock.instant())));
        }
        join(saves.toArray(CompletableFuture[]::new));
      }
      join(store.save(Job.pending("last", clock.instant())));
    }
    // compaction ran each time the log was over 1 MiB: it kept only each job's latest record
    assertThat(Files.readAllLines(onlySegment())).hasSizeLessThan(15_000);
    try (LogJobStore store = open(KEEP_ALL)) {
      assertThat(store.recovery().jobs()).isEqualTo(2_001);
      assertThat(store.recovery().damagedRecords()).isZero();
    }
  }

  private LogJobStore open(Retention retention) {
    return LogJobStore.open(dir, retention, clock);
  }

  private Job finished(String id, JobState.Terminal outcome) {
    return Job.pending(id, clock.instant()).started(clock.instant()).finished(outcome, clock.instant());
  }

  private Path onlySegment() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> segments = files.filter(f -> f.getFileName().toString().endsWith(".log")).toList();
      assertThat(segments).hasSize(1);
      return segments.getFirst();
    }
  }

  private static void join(CompletableFuture<?>... futures) {
    CompletableFuture.allOf(futures).join();
  }
}
