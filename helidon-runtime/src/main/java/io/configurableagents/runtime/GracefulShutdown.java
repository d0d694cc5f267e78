package io.configurableagents.runtime;

import io.configurableagents.runtime.store.FatalFailure;
import io.configurableagents.runtime.trace.Tracing;
import io.helidon.webserver.WebServer;
import java.time.Duration;

/**
 * The shutdown hook (SIGTERM, {@code docs/runtime.md}, "Shutdown"): no new runs, the runs in
 * flight get {@code SHUTDOWN_GRACE} to finish (none after a fatal failure), then the server, the job store and tracing close,
 * each saying so in the log.
 */
final class GracefulShutdown implements Runnable {
  private final RuntimeConfig config;
  private final Application app;
  private final Tracing tracing;
  private final WebServer server;

  GracefulShutdown(RuntimeConfig config, Application app, Tracing tracing, WebServer server) {
    this.config = config;
    this.app = app;
    this.tracing = tracing;
    this.server = server;
  }

  @Override
  public void run() {
    // after a fatal failure the runs in flight cannot be stored anyway: no grace
    Duration grace = FatalFailure.stopping() ? Duration.ZERO : config.shutdownGrace();
    System.out.println("shutting down: no new runs; waiting up to " + grace.toSeconds()
        + " s for " + app.jobs().runsInFlight() + " run(s) in flight");
    app.jobs().shutdown(grace);
    server.stop();
    app.store().close();
    tracing.close();
    System.out.println("stopped");
  }
}
