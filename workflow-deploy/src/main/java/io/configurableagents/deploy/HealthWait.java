package io.configurableagents.deploy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Waits until the container answers {@code GET /health}, polling often so that the time it took
 * is close to the truth; fails early, with the container's last log lines, when it stops (and
 * stops it, when it exited and Docker restarts it under its restart policy).
 */
final class HealthWait {
  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration STATE_CHECK = Duration.ofSeconds(1);
  private static final int LOG_LINES = 40;

  private final ContainerRunner runner;
  private final HelpfulSuggestions suggestions;
  private final RuntimeProbe probe;

  HealthWait(ContainerRunner runner, HelpfulSuggestions suggestions, RuntimeProbe probe) {
    this.runner = runner;
    this.suggestions = suggestions;
    this.probe = probe;
  }

  /** How long it took from the call until {@code GET /health} of the API at {@code api} answered 200. */
  Duration await(String container, URI api, Duration timeout) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long nextStateCheck = start + STATE_CHECK.toNanos();
    int restartsBefore = runner.restartCount(container);
    while (System.nanoTime() < deadline) {
      if (probe.healthy(api)) {
        return Duration.ofNanos(System.nanoTime() - start);
      }
      if (System.nanoTime() > nextStateCheck) {
        Optional<String> stopped = runner.stoppedState(container, restartsBefore);
        if (stopped.isPresent()) {
          String logs = runner.lastLogLines(container, LOG_LINES);
          runner.stopQuietly(container);
          throw suggestions.exited(container, stopped.get(), logs);
        }
        nextStateCheck = System.nanoTime() + STATE_CHECK.toNanos();
      }
      sleep();
    }
    throw suggestions.notHealthy(container, timeout, runner.lastLogLines(container, LOG_LINES));
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeployException.environment("interrupted while waiting for the container", e);
    }
  }
}
