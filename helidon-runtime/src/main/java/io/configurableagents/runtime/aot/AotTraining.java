package io.configurableagents.runtime.aot;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The training run of the AOT cache: the runtime started as usual, on free ports with a scratch
 * data directory and without API keys, answers the requests a service answers first (health,
 * readiness, schema, OpenAPI, docs, a rejected run, the traces page), then exits. It never calls a provider: the
 * only run request is malformed JSON, refused before any run starts.
 */
public final class AotTraining {
  /** Set in the training run's environment. */
  static final String VARIABLE = "CONFIGURABLE_AGENTS_AOT_TRAINING";
  private static final int ROUNDS = 3;
  private static final List<String> GETS =
      List.of("/health", "/observe/health/ready", "/schema", "/openapi.json", "/openapi.yaml", "/docs", "/status/unknown", "/");
  private static final List<String> TRACES_GETS = List.of("/", "/api/runs", "/api/runs/unknown");

  private AotTraining() {}

  /** Whether this process is a training run. */
  public static boolean requested(Map<String, String> environment) {
    return "1".equals(environment.get(VARIABLE));
  }

  /**
   * The training run's environment: this one with free ports, scratch data, no API keys. The
   * traces page is on (on a free port) when it is on in this process, so that its classes are in
   * the cache too.
   */
  static Map<String, String> environment(Map<String, String> current, Path dataDir, int freeTracesPort) {
    Map<String, String> env = new HashMap<>(current);
    env.keySet().removeIf(name -> name.endsWith("_API_KEY"));
    // the training requests carry no key: they must reach the handlers, not the 401
    env.remove("API_KEYS");
    env.remove("API_KEYS_FILE");
    env.put("PORT", "0");
    env.put("TRACES_PORT", "0".equals(current.get("TRACES_PORT")) ? "0" : String.valueOf(freeTracesPort));
    env.put("DATA_DIR", dataDir.toString());
    env.put(VARIABLE, "1");
    return env;
  }

  /** A port nothing listens on now (for the training run's traces page). */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * Sends the training requests to the API on {@code port} and the traces page on
   * {@code tracesPort}, when there is one; their answers do not matter.
   */
  public static void exercise(int port, OptionalInt tracesPort) throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
      for (int round = 0; round < ROUNDS; round++) {
        for (String path : GETS) {
          http.send(HttpRequest.newBuilder(uri(port, path)).build(), HttpResponse.BodyHandlers.discarding());
        }
        if (tracesPort.isPresent()) {
          for (String path : TRACES_GETS) {
            http.send(HttpRequest.newBuilder(uri(tracesPort.getAsInt(), path)).build(), HttpResponse.BodyHandlers.discarding());
          }
        }
        HttpRequest run = HttpRequest.newBuilder(uri(port, "/run"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{"))
            .build();
        http.send(run, HttpResponse.BodyHandlers.discarding());
      }
    }
  }

  private static URI uri(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
