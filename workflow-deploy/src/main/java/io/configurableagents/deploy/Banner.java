package io.configurableagents.deploy;

import io.configurableagents.core.model.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code deploy} prints once the container is healthy: the endpoints, a {@code curl} that
 * really works ({@code POST /run} with an example body), readiness warnings, and the commands to
 * see logs, stop and remove (in the front end's terms, from {@link HelpfulSuggestions#manageLines}).
 */
public final class Banner {
  private static final String RULE = "-".repeat(72);

  private Banner() {}

  /** The lines to print; {@code notReady} is the readiness check's reason, if not ready. */
  public static List<String> lines(DeployRequest r, String containerId, Duration timeToHealthy,
      Optional<String> notReady, HelpfulSuggestions suggestions) {
    String api = "http://" + r.bind().urlHost() + ":" + r.port();
    String name = r.containerName();
    List<String> lines = new ArrayList<>();
    lines.add(RULE);
    lines.add("Workflow \"" + r.workflow().name() + "\" " + r.workflow().versionOrDefault() + " is running in container "
        + name + " (" + shortId(containerId) + "), healthy after " + seconds(timeToHealthy));
    lines.add("");
    lines.add("  API      POST " + api + "/run");
    lines.add("  Status   GET  " + api + "/status/{job_id}");
    lines.add("  Docs          " + api + "/docs");
    lines.add("  Health        " + api + "/health");
    lines.add("  Schema        " + api + "/schema");
    if (r.tracesEnabled()) {
      lines.add("  Traces        http://" + r.tracesBind().urlHost() + ":" + r.tracesPort() + "/"
          + (r.tracesBind().loopback() && !r.hostNetwork() ? "   (this machine only)" : ""));
    }
    lines.add("");
    lines.add("Try it:");
    lines.addAll(curl(api, WorkflowDocuments.exampleBody(r.workflow()), "  "));
    notReady.ifPresent(reason -> {
      lines.add("");
      lines.add("WARNING not ready: " + reason);
    });
    lines.add("");
    lines.add("Manage it:");
    lines.addAll(suggestions.manageLines(name, r.dataVolume()));
    lines.add(RULE);
    return lines;
  }

  /**
   * The "Try it" command of the banner: a {@code curl} for {@code POST /run} of the API at
   * {@code api} with an example body valid for {@code workflow}, one argument a line, for sh.
   */
  public static List<String> tryIt(String api, Workflow workflow) {
    return curl(api, WorkflowDocuments.exampleBody(workflow), "");
  }

  /** A {@code curl} for {@code POST /run}, one argument a line, quoted for sh. */
  static List<String> curl(String api, String body, String indent) {
    return List.of(
        indent + "curl -X POST " + api + "/run \\",
        indent + "  -H 'Content-Type: application/json' \\",
        indent + "  -d " + shellQuote(body));
  }

  /** {@code s} in single quotes, safe for sh. */
  static String shellQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static String shortId(String id) {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }

  /** "1.3 s". */
  static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
