package io.configurableagents.runtime.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs the branches of a fan-out or the items of a parallel map, each on a virtual thread of its
 * own, and waits for all of them. The first branch to fail stops the others (their LLM calls are
 * abandoned) and its failure is the group's; a cancelled run stops them all.
 */
final class Branches {
  private static final ThreadFactory THREADS = Thread.ofVirtual().name("workflow-branch-", 0).factory();

  private Branches() {}

  /** Runs every task in a child scope of {@code scope}; the results in task order. */
  static <T> List<T> runAll(List<Function<Scope, T>> tasks, Scope scope) {
    Scope group = scope.child();
    AtomicReference<RunFailure> firstFailure = new AtomicReference<>();
    List<Future<T>> futures = new ArrayList<>(tasks.size());
    try (ExecutorService threads = Executors.newThreadPerTaskExecutor(THREADS)) {
      for (Function<Scope, T> task : tasks) {
        futures.add(threads.submit(() -> runOne(task, group, firstFailure)));
      }
    }
    if (Thread.interrupted()) {
      throw scope.interrupted();
    }
    if (firstFailure.get() != null) {
      throw firstFailure.get();
    }
    scope.checkNotStopped();
    List<T> results = new ArrayList<>(futures.size());
    for (Future<T> f : futures) {
      results.add(result(f, scope));
    }
    return results;
  }

  private static <T> T runOne(Function<Scope, T> task, Scope group, AtomicReference<RunFailure> firstFailure) {
    try {
      return task.apply(group);
    } catch (RunFailure f) {
      firstFailure.compareAndSet(null, f);
      group.stop();
      throw f;
    } catch (RunStopped s) {
      throw s;
    } catch (RuntimeException e) {
      RunFailure f = new RunFailure(RunError.of(EngineError.INTERNAL_ERROR, " in a branch", e));
      firstFailure.compareAndSet(null, f);
      group.stop();
      throw f;
    }
  }

  private static <T> T result(Future<T> future, Scope scope) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      throw scope.interrupted();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RunStopped stopped) {
        throw stopped;
      }
      throw new RunFailure(RunError.of(EngineError.INTERNAL_ERROR, " in a branch", e.getCause()));
    }
  }
}
