package io.configurableagents.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.deploy.DeployLog;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One deploy the console runs, as the page follows it: the lines the deploy layer logs (the same
 * as {@code workflow:deploy} prints, also printed where the console runs), then {@code done} with
 * the endpoints or {@code failed} with the message. Kept whole, so that a page that connects late
 * still sees every line.
 */
final class DeployRun implements DeployLog {
  /** One event of the stream: {@code line}, then {@code done} or {@code failed}. */
  record Event(String name, String data) {
    boolean last() {
      return name.equals("done") || name.equals("failed");
    }
  }

  private final String id;
  private final String containerName;
  private final PrintStream terminal;
  private final List<Event> events = new ArrayList<>();
  private boolean finished;

  DeployRun(String id, String containerName, PrintStream terminal) {
    this.id = id;
    this.containerName = containerName;
    this.terminal = terminal;
  }

  String id() {
    return id;
  }

  String containerName() {
    return containerName;
  }

  @Override
  public void info(String message) {
    line("info", message);
    terminal.println(message);
  }

  @Override
  public void warn(String message) {
    line("warning", message);
    terminal.println("WARNING " + message);
  }

  @Override
  public void debug(String message) {
    // as Maven without -X: not shown
  }

  private void line(String level, String text) {
    add(new Event("line", Json.text(Json.object().put("level", level).put("text", text))));
  }

  /** It ended well: {@code result} holds the endpoints. */
  void succeed(ObjectNode result) {
    add(new Event("done", Json.text(result)));
  }

  /** It ended with {@code message} (what is wrong and how to fix it). */
  void fail(String message) {
    terminal.println("ERROR " + message);
    add(new Event("failed", Json.text(Json.object().put("message", message))));
  }

  private synchronized void add(Event event) {
    if (finished) {
      return;
    }
    events.add(event);
    finished = event.last();
    notifyAll();
  }

  synchronized boolean finished() {
    return finished;
  }

  /**
   * Event number {@code index}, waiting at most {@code timeout} for it; empty when it has not come
   * in time, or never will (the run ended before it).
   */
  synchronized Optional<Event> await(int index, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (events.size() <= index && !finished) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return index < events.size() ? Optional.of(events.get(index)) : Optional.empty();
  }
}
