package io.configurableagents.runtime;

import static io.configurableagents.runtime.RunApiProcessIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store that cannot write stops the process (so that a restart policy starts it again) rather
 * than leaving it half alive: one line on stderr, exit code 3. Disk trouble is made with {@code
 * ulimit -f}: every file the server writes is limited to 1 MiB, and the job log outgrows it.
 */
class StoreFailureIT {
  private static final String JSON = "application/json";

  @TempDir Path dir;

  @Test
  void aJobStoreWhoseDiskWriteFailsStopsTheProcessWithOneLineAndExitCode3() throws Exception {
    try (FakeOpenAi fake = FakeOpenAi.start(Duration.ZERO)) {
      Map<String, String> env = EchoWorkflow.environment(EchoWorkflow.write(dir, fake), dir.resolve("data"));
      List<String> stored = new ArrayList<>();
      int exit;
      String output;
      try (ServerProcess server = ServerProcess.startWithFileSizeLimit(env, dir.resolve("first.log"), 1_024)) {
        // each job record holds 600 KB of outputs: the second or third write goes past 1 MiB
        for (int n = 0; n < 10 && processAnswers(server); n++) {
          HttpResponse<String> response;
          try {
            response = server.post("/run", JSON, "{\"message\": \"" + "y".repeat(300_000) + " " + n + "\"}");
          } catch (IOException e) {
            break; // the process stopped while the request was in flight
          }
          if (response.statusCode() == 200 && n == 0) {
            stored.add(json(response).get("job_id").asText());
          }
        }
        exit = server.awaitExit(Duration.ofSeconds(30));
        output = server.output();
      }

      assertThat(exit).as(output).isEqualTo(3);
      assertThat(output.lines().filter(line -> line.startsWith("FATAL:")))
          .singleElement()
          .asString()
          .contains("job-store-writer failed", "cannot write the job store in " + dir.resolve("data/jobs"), "File too large")
          .endsWith("the process exits with code 3 so that it is restarted");

      try (ServerProcess again = ServerProcess.start(env, dir.resolve("second.log"))) {
        assertThat(stored).isNotEmpty();
        assertThat(json(again.get("/status/" + stored.getFirst())).get("status").asText()).isEqualTo("completed");
      }
    }
  }

  private static boolean processAnswers(ServerProcess server) {
    try {
      return server.get("/health").statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }
}
