package io.configurableagents.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Waits until the container answers {@code GET /health}, polling often so that the time it took
 * is close to the truth; fails early, with the container's last log lines, when it stops.
 */
final class HealthWait {
  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration STATE_CHECK = Duration.ofSeconds(1);
  private static final int LOG_LINES = 40;

  private final ContainerRunner runner;
  private final HelpfulSuggestions suggestions;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  HealthWait(ContainerRunner runner, HelpfulSuggestions suggestions) {
    this.runner = runner;
    this.suggestions = suggestions;
  }

  /** How long it took from the call until {@code /health} answered 200. */
  Duration await(String container, URI health, Duration timeout) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long nextStateCheck = start + STATE_CHECK.toNanos();
    while (System.nanoTime() < deadline) {
      if (answers(health)) {
        return Duration.ofNanos(System.nanoTime() - start);
      }
      if (System.nanoTime() > nextStateCheck) {
        Optional<String> stopped = runner.stoppedState(container);
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

  private boolean answers(URI health) {
    HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeployException.environment("interrupted while waiting for " + health, e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeployException.environment("interrupted while waiting for the container", e);
    }
  }

  /**
   * Why the runtime is not ready (e.g. a missing provider key), from its readiness endpoint;
   * empty when it is ready or has no such endpoint.
   */
  Optional<String> notReadyReason(URI ready) {
    HttpRequest request = HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 503) {
        return Optional.empty();
      }
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("\"reason\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(response.body());
      return Optional.of(m.find() ? m.group(1).replace("\\\"", "\"") : "the readiness check is DOWN");
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
