package io.configurableagents.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.configurableagents.deploy.DeployLog;
import java.io.PrintStream;

/** What a container operation logs, for its answer to the page (and printed where the console runs). */
final class CollectingLog implements DeployLog {
  private final ArrayNode messages = Json.array();
  private final PrintStream terminal;

  CollectingLog(PrintStream terminal) {
    this.terminal = terminal;
  }

  @Override
  public synchronized void info(String message) {
    messages.addObject().put("level", "info").put("text", message);
    terminal.println(message);
  }

  @Override
  public synchronized void warn(String message) {
    messages.addObject().put("level", "warning").put("text", message);
    terminal.println("WARNING " + message);
  }

  @Override
  public void debug(String message) {
    // as Maven without -X: not shown
  }

  synchronized ArrayNode messages() {
    return messages.deepCopy();
  }
}
