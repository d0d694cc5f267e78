package io.configurableagents.runtime;

import io.configurableagents.runtime.trace.Tracing;
import io.helidon.webserver.WebServer;

/**
 * The shutdown hook (SIGTERM, {@code docs/runtime.md}, "Shutdown"): no new runs, the runs in
 * flight get {@code SHUTDOWN_GRACE} to finish, then the server, the job store and tracing close,
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
    System.out.println("shutting down: no new runs; waiting up to " + config.shutdownGrace().toSeconds()
        + " s for " + app.jobs().runsInFlight() + " run(s) in flight");
    app.jobs().shutdown(config.shutdownGrace());
    server.stop();
    app.store().close();
    tracing.close();
    System.out.println("stopped");
  }
}
