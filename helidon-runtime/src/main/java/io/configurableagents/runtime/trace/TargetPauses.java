package io.configurableagents.runtime.trace;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which export targets are failing: a target that failed is not contacted again for a while (1 s,
 * doubling up to a minute), so a server that is down costs neither connection attempts nor CPU;
 * the batches meanwhile are dropped for it. Logs the first failure and the recovery, nothing between.
 */
final class TargetPauses {
  static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  static final Duration LONGEST_PAUSE = Duration.ofMinutes(1);
  private static final System.Logger LOG = System.getLogger(OtlpExporter.class.getName());

  private record Pause(Duration length, long untilNanos) {}

  private final Map<ExportTarget, Pause> paused = new ConcurrentHashMap<>();

  boolean isPaused(ExportTarget target) {
    Pause pause = paused.get(target);
    return pause != null && System.nanoTime() - pause.untilNanos() < 0;
  }

  void failed(ExportTarget target, int traces, String why) {
    Pause before = paused.get(target);
    Duration length = before == null ? FIRST_PAUSE : min(before.length().multipliedBy(2), LONGEST_PAUSE);
    paused.put(target, new Pause(length, System.nanoTime() + length.toNanos()));
    if (before == null) {
      LOG.log(Level.WARNING, "traces: cannot export " + traces + " trace(s) to " + target + ": " + why
          + "; runs are not affected and the traces stay on the traces page; trying again after pauses of up to "
          + LONGEST_PAUSE.toSeconds() + " s (logged once until it works again)");
    }
  }

  void succeeded(ExportTarget target) {
    if (paused.remove(target) != null) {
      LOG.log(Level.INFO, "traces: exporting to " + target + " works again");
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
