package io.configurableagents.runtime;

import io.configurableagents.runtime.jobs.postgres.PostgresServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runtime processes sharing one PostgreSQL job store, as replicas of one service behind a load balancer. */
final class SharedStoreReplicas implements AutoCloseable {
  private static final Pattern REPLICA = Pattern.compile("this replica: (\\S+)");

  private final List<ServerProcess> processes;

  private SharedStoreReplicas(List<ServerProcess> processes) {
    this.processes = processes;
  }

  /** The environment of a replica serving {@code workflow} with jobs in the database at {@code url}. */
  static Map<String, String> environment(Path workflow, Path dataDir, PostgresServer postgres, String url) {
    Map<String, String> env = new HashMap<>(EchoWorkflow.environment(workflow, dataDir));
    env.put("JOB_STORE_URL", url);
    env.put("JOB_STORE_USER", postgres.user());
    env.put("JOB_STORE_PASSWORD", postgres.password());
    return env;
  }

  /** Starts {@code count} replicas at the same moment (each with a data directory of its own, for its traces). */
  static SharedStoreReplicas startAtOnce(int count, Map<String, String> env, Path dir) throws Exception {
    List<Future<ServerProcess>> starting = new ArrayList<>();
    try (ExecutorService starts = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < count; i++) {
        Map<String, String> own = new HashMap<>(env);
        own.put("DATA_DIR", dir.resolve("replica-" + i).toString());
        Path log = dir.resolve("replica-" + i + ".log");
        starting.add(starts.submit(() -> ServerProcess.start(own, log)));
      }
    }
    List<ServerProcess> processes = new ArrayList<>();
    for (Future<ServerProcess> f : starting) {
      processes.add(f.get());
    }
    // the store's lines come just after the line that says the server listens
    for (ServerProcess process : processes) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!REPLICA.matcher(process.output()).find()) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no \"this replica:\" line within 10 s:\n" + process.output());
        }
        Thread.sleep(20);
      }
    }
    return new SharedStoreReplicas(processes);
  }

  ServerProcess get(int i) {
    return processes.get(i);
  }

  List<ServerProcess> all() {
    return processes;
  }

  /** The replica's name in the job store, from its start-up log. */
  static String replicaId(ServerProcess process) {
    Matcher m = REPLICA.matcher(process.output());
    if (!m.find()) {
      throw new AssertionError("no \"this replica:\" line in the output:\n" + process.output());
    }
    return m.group(1);
  }

  @Override
  public void close() throws InterruptedException {
    for (ServerProcess process : processes) {
      process.close();
    }
  }
}
