package io.configurableagents.runtime.aot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training run of the AOT cache: the runtime started as usual, on a free port with a scratch
 * data directory and without API keys, answers the requests a service answers first (health,
 * readiness, schema, OpenAPI, docs, a rejected run), then exits. It never calls a provider: the
 * only run request is malformed JSON, refused before any run starts.
 */
public final class AotTraining {
  /** Set in the training run's environment. */
  static final String VARIABLE = "CONFIGURABLE_AGENTS_AOT_TRAINING";
  private static final int ROUNDS = 3;
  private static final List<String> GETS =
      List.of("/health", "/observe/health/ready", "/schema", "/openapi.json", "/openapi.yaml", "/docs", "/status/unknown", "/");

  private AotTraining() {}

  /** Whether this process is a training run. */
  public static boolean requested(Map<String, String> environment) {
    return "1".equals(environment.get(VARIABLE));
  }

  /** The training run's environment: this one with a free port, no traces, scratch data, no API keys. */
  static Map<String, String> environment(Map<String, String> current, Path dataDir) {
    Map<String, String> env = new HashMap<>(current);
    env.keySet().removeIf(name -> name.endsWith("_API_KEY"));
    env.put("PORT", "0");
    env.put("TRACES_PORT", "0");
    env.put("DATA_DIR", dataDir.toString());
    env.put(VARIABLE, "1");
    return env;
  }

  /** Sends the training requests to the server on {@code port}; their answers do not matter. */
  public static void exercise(int port) throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
      for (int round = 0; round < ROUNDS; round++) {
        for (String path : GETS) {
          http.send(HttpRequest.newBuilder(uri(port, path)).build(), HttpResponse.BodyHandlers.discarding());
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
