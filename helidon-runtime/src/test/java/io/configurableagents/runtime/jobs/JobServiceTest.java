package io.configurableagents.runtime.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configurableagents.runtime.engine.PreparedInputs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobServiceTest {
  private static final PreparedInputs STATE = ScriptedRunner.inputs(Map.of("message", "hi"));

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:00:00Z"));
  private final ScriptedRunner runner = new ScriptedRunner();
  private LogJobStore store;
  private JobService jobs;

  @AfterEach
  void close() {
    runner.release();
    if (jobs != null) {
      jobs.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  void aRunIsAJobFromItsFirstMomentAndFinishesOnce() throws Exception {
    start(OptionalInt.empty());
    JobService.Submission submission = jobs.submit(STATE);
    assertThat(jobs.find(submission.jobId())).isPresent();

    Job done = submission.finished().get(5, TimeUnit.SECONDS);

    assertThat(done.state()).isEqualTo(new JobState.Completed(Map.of("message", "hi", "result", "hi")));
    assertThat(done.startedAt()).isPresent();
    assertThat(store.find(done.id())).contains(done);
    assertThat(runner.runs()).isEqualTo(1);
  }

  @Test
  void aCallerThatStopsWaitingLeavesTheSameExecutionRunning() throws Exception {
    start(OptionalInt.empty());
    runner.holding();
    JobService.Submission submission = jobs.submit(STATE);

    assertThatThrownBy(() -> submission.finished().get(100, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
    assertThat(jobs.find(submission.jobId()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
    runner.release();

    assertThat(submission.finished().get(5, TimeUnit.SECONDS).state().label()).isEqualTo("completed");
    assertThat(runner.runs()).isEqualTo(1);
  }

  @Test
  void cancellingARunningJobAbandonsItsExecution() throws Exception {
    start(OptionalInt.empty());
    runner.holding();
    JobService.Submission submission = jobs.submit(STATE);
    awaitRuns(1);

    Job cancelled = jobs.cancel(submission.jobId()).orElseThrow();

    assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
    assertThat(submission.finished().get(5, TimeUnit.SECONDS).state()).isEqualTo(JobState.CANCELLED);
    awaitCondition(() -> runner.interrupted() == 1);
    assertThat(store.find(submission.jobId()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
  }

  @Test
  void aPendingJobCancelledBeforeItsTurnNeverRuns() throws Exception {
    start(OptionalInt.of(1));
    runner.holding();
    JobService.Submission first = jobs.submit(STATE);
    // the second only once the first holds the one slot (submitted together, either may take it)
    awaitRuns(1);
    JobService.Submission second = jobs.submit(STATE);
    assertThat(jobs.find(second.jobId()).orElseThrow().state()).isEqualTo(JobState.PENDING);

    assertThat(jobs.cancel(second.jobId()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
    runner.release();

    assertThat(first.finished().get(5, TimeUnit.SECONDS).state().label()).isEqualTo("completed");
    assertThat(second.finished().get(5, TimeUnit.SECONDS).state()).isEqualTo(JobState.CANCELLED);
    assertThat(runner.runs()).isEqualTo(1);
  }

  @Test
  void aFinishedJobCannotBeCancelled() throws Exception {
    start(OptionalInt.empty());
    JobService.Submission submission = jobs.submit(STATE);
    submission.finished().get(5, TimeUnit.SECONDS);

    assertThat(jobs.cancel(submission.jobId()).orElseThrow().state().label()).isEqualTo("completed");
    assertThat(jobs.cancel("no-such-job")).isEmpty();
  }

  @Test
  void shutdownLetsRunsFinishWithinTheGraceAndRecordsTheRestAsInterrupted() throws Exception {
    start(OptionalInt.empty());
    JobService.Submission quick = jobs.submit(STATE);
    quick.finished().get(5, TimeUnit.SECONDS);
    runner.holding();
    JobService.Submission stuck = jobs.submit(STATE);
    awaitRuns(2);

    jobs.shutdown(Duration.ofMillis(200));

    Job interrupted = stuck.finished().get(5, TimeUnit.SECONDS);
    assertThat(interrupted.state()).isEqualTo(new JobState.Failed(JobError.interruptedByShutdown()));
    assertThat(store.find(stuck.jobId())).contains(interrupted);
    assertThatThrownBy(() -> jobs.submit(STATE)).isInstanceOf(JobService.NotAcceptingException.class);
    assertThat(jobs.accepting()).isFalse();
  }

  @Test
  void aRunnerThatThrowsFailsTheJobWithoutLeakingTheException() throws Exception {
    start(OptionalInt.empty());
    runner.answering(state -> {
      throw new IllegalStateException("secret-token-123 broke");
    });

    Job failed = jobs.submit(STATE).finished().get(5, TimeUnit.SECONDS);

    JobError error = ((JobState.Failed) failed.state()).error();
    assertThat(error.type()).isEqualTo("internal_error");
    assertThat(error.node()).isEqualTo(Optional.empty());
    assertThat(error.message()).doesNotContain("secret").contains(failed.id());
  }

  private void start(OptionalInt cap) {
    store = LogJobStore.open(dir, new Retention(Duration.ofDays(1), 100), clock);
    jobs = new JobService(runner, store, cap, clock);
  }

  private void awaitRuns(int count) throws InterruptedException {
    awaitCondition(() -> runner.runs() >= count);
  }

  private static void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }
}
