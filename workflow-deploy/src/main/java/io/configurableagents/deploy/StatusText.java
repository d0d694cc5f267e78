package io.configurableagents.deploy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the status goal prints: a table of every deployed container, or one container in detail.
 */
public final class StatusText {
  private static final List<String> COLUMNS = List.of("NAME", "WORKFLOW", "IMAGE", "STATE", "HEALTH", "PORTS", "UP");

  private StatusText() {}

  /** A table, one row per container, then why each that is not ready is not; a sentence when there is none. */
  public static List<String> table(List<ContainerStatus> statuses) {
    if (statuses.isEmpty()) {
      return List.of("No container deployed by configurable-agents on this Docker daemon");
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(COLUMNS);
    for (ContainerStatus s : statuses) {
      rows.add(List.of(s.name(), workflow(s), s.image(), s.describeState(), shortHealth(s.health()), ports(s),
          s.uptime().map(StatusText::duration).orElse("-")));
    }
    int[] widths = new int[COLUMNS.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(i == row.size() - 1 ? row.get(i) : pad(row.get(i), widths[i] + 2));
      }
      lines.add(line.toString().stripTrailing());
    }
    for (ContainerStatus s : statuses) {
      if (s.health().state() != Health.State.READY && s.health().reason().isPresent()) {
        lines.add(s.name() + ": " + health(s.health()));
      }
    }
    return lines;
  }

  /** One container, a line per fact. */
  public static List<String> detail(ContainerStatus s) {
    List<String> lines = new ArrayList<>();
    lines.add("Container  " + s.name() + " (" + s.shortId() + ")");
    lines.add("Workflow   " + workflow(s));
    lines.add("Image      " + s.image());
    lines.add("State      " + s.describeState() + s.uptime().map(u -> ", up " + duration(u)).orElse("")
        + s.startedAt().map(t -> " (started " + t.truncatedTo(ChronoUnit.SECONDS) + ")").orElse("")
        + (s.restartCount() > 0 ? "; Docker restarted it " + times(s.restartCount()) : ""));
    lines.add("Health     " + health(s.health()));
    s.api().ifPresent(api -> lines.add("API        POST " + api + "/run   (docs " + api + "/docs)"));
    s.traces().ifPresent(traces -> lines.add("Traces     " + traces + "/"));
    lines.add("Network    " + s.network());
    lines.add("Data       volume " + s.dataVolume());
    return lines;
  }

  private static String workflow(ContainerStatus s) {
    return s.workflowName().map(n -> n + s.workflowVersion().map(v -> " " + v).orElse("")).orElse("-");
  }

  /** The health column: {@code healthy, ready}, {@code not answering}, ... */
  public static String shortHealth(Health health) {
    switch (health.state()) {
      case READY:
        return "healthy, ready";
      case NOT_READY:
        return "healthy, not ready";
      case NOT_ANSWERING:
        return "not answering";
      case NOT_RUNNING:
        return "-";
      default:
        return "unknown";
    }
  }

  /** The health in a sentence, with the reason when not ready. */
  public static String health(Health health) {
    switch (health.state()) {
      case READY:
        return "GET /health answers; ready";
      case NOT_READY:
        return "GET /health answers; not ready: " + health.reason().orElse("");
      case NOT_ANSWERING:
        return "GET /health does not answer (still starting, or stuck: see its logs)";
      case NOT_RUNNING:
        return "not running";
      default:
        return "unknown: " + health.reason().orElse("");
    }
  }

  private static String ports(ContainerStatus s) {
    List<Integer> ports = s.hostPorts();
    return ports.isEmpty() ? "-" : ports.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /** "42 s", "5 min", "3 h 12 min", "2 d 4 h". */
  public static String duration(Duration d) {
    long s = d.toSeconds();
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return s / 60 + " min";
    }
    if (s < 86400) {
      return s / 3600 + " h " + s % 3600 / 60 + " min";
    }
    return s / 86400 + " d " + s % 86400 / 3600 + " h";
  }

  private static String times(int n) {
    return n == 1 ? "once" : n + " times";
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
