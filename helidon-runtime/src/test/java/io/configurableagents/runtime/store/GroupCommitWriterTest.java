package io.configurableagents.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupCommitWriterTest {

  private record Failure(String what, Throwable cause) {}

  @Test
  void anOutOfMemoryErrorInAWriteStopsTheThreadAndReachesTheFailureHandler() throws Exception {
    CompletableFuture<Failure> failure = new CompletableFuture<>();
    GroupCommitWriter<String> writer = new GroupCommitWriter<>(
        "test-writer",
        Duration.ofMinutes(1),
        batch -> {
          throw new OutOfMemoryError("Java heap space");
        },
        (what, cause) -> failure.complete(new Failure(what, cause)));

    writer.submit("a record");

    Failure failed = failure.get(10, TimeUnit.SECONDS);
    assertThat(failed.what()).isEqualTo("the writer thread test-writer");
    assertThat(failed.cause()).isInstanceOf(OutOfMemoryError.class).hasMessage("Java heap space");
    awaitStopped(writer);
    writer.close();
  }

  @Test
  void aFailingIdleTaskIsFatalToo() throws Exception {
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    GroupCommitWriter<String> writer = new GroupCommitWriter<>(
        "idle-writer",
        Duration.ofMillis(10),
        new GroupCommitWriter.Batches<>() {
          @Override
          public void write(List<String> batch) {}

          @Override
          public void idle() {
            throw new IllegalStateException("retention failed");
          }
        },
        (what, cause) -> failure.complete(cause));

    assertThat(failure.get(10, TimeUnit.SECONDS)).hasMessage("retention failed");
    awaitStopped(writer);
  }

  @Test
  void closingWritesWhatWasSubmittedBefore() {
    List<String> written = new java.util.concurrent.CopyOnWriteArrayList<>();
    GroupCommitWriter<String> writer =
        new GroupCommitWriter<>("close-writer", Duration.ofMinutes(1), written::addAll, (what, cause) -> {});
    for (int i = 0; i < 1_000; i++) {
      writer.submit("r" + i);
    }
    writer.close();

    assertThat(written).hasSize(1_000).startsWith("r0", "r1").endsWith("r999");
    assertThat(writer.running()).isFalse();
  }

  private static void awaitStopped(GroupCommitWriter<?> writer) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (writer.running() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(writer.running()).isFalse();
  }
}
