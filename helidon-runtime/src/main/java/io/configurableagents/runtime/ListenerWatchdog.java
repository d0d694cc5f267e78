package io.configurableagents.runtime;

import io.configurableagents.runtime.http.OpenConnections;
import io.configurableagents.runtime.jobs.JobService;
import io.configurableagents.runtime.store.FatalFailure;
import java.time.Duration;
import java.util.Optional;

/**
 * Stops the process when the API port no longer listens while the server should serve: Helidon
 * 4.5.0 closes a listener for good the first time accepting a connection fails (for example "Too
 * many open files"), and the process would stay half alive, its traces page answering, its API
 * gone. A restart policy then starts it again (exit code {@link FatalFailure#EXIT_CODE}); see
 * docs/runtime.md, "Connections".
 */
final class ListenerWatchdog {
  static final Duration PERIOD = Duration.ofSeconds(2);

  private ListenerWatchdog() {}

  /** Looks every {@link #PERIOD} at the kernel's socket tables, on a daemon thread, from now on. */
  static void watch(OpenConnections connections, JobService jobs) {
    Thread.ofPlatform().daemon().name("api-listener-watchdog").start(() -> {
      try {
        while (true) {
          Thread.sleep(PERIOD);
          // once shutdown begins, the listener closes on purpose
          if (jobs.accepting() && connections.listening().equals(Optional.of(false))) {
            FatalFailure.stopProcess(
                "the API listener",
                new IllegalStateException("the API port stopped listening; the error above says why"));
            return;
          }
        }
      } catch (InterruptedException e) {
        // the process is ending
      }
    });
  }
}
