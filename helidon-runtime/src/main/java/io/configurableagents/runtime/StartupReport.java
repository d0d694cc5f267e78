package io.configurableagents.runtime;

import io.configurableagents.core.model.Workflow;
import io.configurableagents.runtime.trace.Tracing;
import io.helidon.webserver.WebServer;
import java.util.ArrayList;
import java.util.List;

/**
 * What the log says once the server listens: the workflow and its port, the jobs kept, who may
 * call the API, tracing, the traces page, and what keeps the service from being ready.
 */
final class StartupReport {
  private StartupReport() {}

  static List<String> lines(Workflow workflow, RuntimeConfig config, Application app, Tracing tracing, WebServer server) {
    List<String> lines = new ArrayList<>();
    lines.add("configurable-agents runtime: workflow \"" + workflow.name() + "\" " + workflow.versionOrDefault()
        + " on port " + server.port());
    lines.addAll(app.store().describe());
    lines.addAll(config.access().describe());
    List<String> missing = app.runner().missingEnvironment();
    if (!missing.isEmpty()) {
      lines.add("not ready: missing environment variable(s) " + String.join(", ", missing)
          + "; runs that need them fail until they are set");
    }
    lines.addAll(tracing.describe());
    Main.tracesPort(config, server).ifPresent(port -> lines.add("traces page on port " + port));
    return lines;
  }
}
