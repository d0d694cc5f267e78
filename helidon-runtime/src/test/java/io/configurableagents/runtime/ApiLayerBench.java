package io.configurableagents.runtime;

import io.configurableagents.runtime.jobs.JobState;
import io.configurableagents.runtime.jobs.ScriptedRunner;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run API's own cost, without the engine: {@link Main}'s server, the job service and the
 * embedded store, with a runner that answers after {@code DELAY_MS} (0 = at once) and echoes the
 * message. For {@code scripts/bench-api.sh layer}; configured by the same environment variables as
 * the jar.
 */
public final class ApiLayerBench {
  private ApiLayerBench() {}

  public static void main(String[] args) {
    long delayMs = Long.parseLong(args.length > 0 ? args[0] : "0");
    ScriptedRunner runner =
        new ScriptedRunner()
            .answering(
                state -> {
                  try {
                    Thread.sleep(delayMs);
                  } catch (InterruptedException e) {
                    return JobState.CANCELLED;
                  }
                  Map<String, Object> outputs = new LinkedHashMap<>(state);
                  outputs.put("result", state.get("message"));
                  return new JobState.Completed(outputs);
                });
    RuntimeConfig config = RuntimeConfig.fromEnvironment(System.getenv());
    Application app = Application.start(config, runner, "{}", "{}\n");
    WebServerConfig.Builder builder = WebServer.builder();
    Main.server(builder, config, app);
    WebServer server = builder.build().start();
    System.out.println("API layer bench on port " + server.port());
  }
}
