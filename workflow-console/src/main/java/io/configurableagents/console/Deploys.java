package io.configurableagents.console;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The deploys of this console: one at a time (two builds would fight over the Docker daemon and
 * the ports), each on a virtual thread of its own, the last few kept for pages that reconnect.
 */
final class Deploys implements AutoCloseable {
  private static final int KEPT = 20;

  private final ExecutorService executor =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("console-deploy-", 0).factory());
  private final Map<String, DeployRun> runs = new LinkedHashMap<>();
  private final PrintStream terminal;

  Deploys(PrintStream terminal) {
    this.terminal = terminal;
  }

  /** Starts {@code work} as the deploy of {@code containerName}; refused while another runs. */
  synchronized DeployRun start(String containerName, Consumer<DeployRun> work) {
    Optional<DeployRun> running = runs.values().stream().filter(r -> !r.finished()).findFirst();
    if (running.isPresent()) {
      throw ConsoleProblem.conflict("deploy_running", "A deploy of " + running.get().containerName()
          + " is running; wait until it ends, then deploy again");
    }
    DeployRun run = new DeployRun(UUID.randomUUID().toString(), containerName, terminal);
    runs.put(run.id(), run);
    if (runs.size() > KEPT) {
      runs.remove(runs.keySet().iterator().next());
    }
    executor.submit(() -> work.accept(run));
    return run;
  }

  synchronized Optional<DeployRun> find(String id) {
    return Optional.ofNullable(runs.get(id));
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
