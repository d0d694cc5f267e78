package io.configurableagents.runtime.llm;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one exchange on its own virtual thread and waits for it no longer than the deadline and
 * not after a cancel: an abandoned exchange is interrupted (the JDK HTTP client then aborts it) and
 * left to finish on its own.
 */
final class Exchanges {
  private static final ThreadFactory THREADS = Thread.ofVirtual().name("llm-exchange-", 0).factory();
  private final Clock clock;

  Exchanges(Clock clock) {
    this.clock = clock;
  }

  sealed interface Outcome {
    record Answered(LlmResponse response) implements Outcome {}

    record Failed(LlmException failure) implements Outcome {}

    /** @param byDeadline true for the deadline, false for a cancel */
    record Abandoned(boolean byDeadline) implements Outcome {}
  }

  Outcome send(LlmCall call, LlmRequest request, CancelToken cancel) {
    FutureTask<LlmResponse> task = new FutureTask<>(() -> call.client().complete(request));
    try (CancelToken.Registration ignored = cancel.onCancel(() -> task.cancel(true))) {
      THREADS.newThread(task).start();
      long remaining = Duration.between(clock.instant(), call.deadline()).toNanos();
      return new Outcome.Answered(task.get(Math.max(0, remaining), TimeUnit.NANOSECONDS));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof LlmException failure) {
        return new Outcome.Failed(failure);
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      task.cancel(true);
      return new Outcome.Abandoned(true);
    } catch (CancellationException e) {
      return new Outcome.Abandoned(false);
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      return new Outcome.Abandoned(false);
    }
  }
}
