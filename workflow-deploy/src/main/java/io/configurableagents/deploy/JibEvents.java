package io.configurableagents.deploy;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.event.events.ProgressEvent;
import com.google.cloud.tools.jib.event.progress.ProgressEventHandler;

/** Jib's events in our log: its lifecycle messages as info, the rest as debug, progress in quarters. */
final class JibEvents {
  private JibEvents() {}

  static Containerizer attach(Containerizer containerizer, DeployLog log, String what) {
    Quarters quarters = new Quarters(log, what);
    return containerizer
        .addEventHandler(LogEvent.class, event -> log(log, event))
        .addEventHandler(ProgressEvent.class, new ProgressEventHandler(update -> quarters.report(update.getProgress())));
  }

  private static void log(DeployLog log, LogEvent event) {
    if (event.getMessage().isBlank()) {
      return;
    }
    switch (event.getLevel()) {
      case ERROR:
      case WARN:
        log.warn(event.getMessage());
        break;
      case LIFECYCLE:
        log.info(event.getMessage());
        break;
      default:
        log.debug(event.getMessage());
    }
  }

  /** Logs "what: 25%" and so on once each, however many updates arrive and from which threads. */
  private static final class Quarters {
    private final DeployLog log;
    private final String what;
    private int reported;

    Quarters(DeployLog log, String what) {
      this.log = log;
      this.what = what;
    }

    synchronized void report(double progress) {
      int quarter = (int) Math.floor(progress * 4 + 1e-9);
      if (quarter > reported && quarter < 4) {
        reported = quarter;
        log.info(what + ": " + quarter * 25 + "%");
      }
    }
  }
}
