package io.configurableagents.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the process does at start: refuses bad configuration and bad workflows, tolerates missing keys. */
class StartupIT {
  @TempDir Path dir;

  @Test
  void anInvalidSettingStopsTheProcessNamingTheVariable() throws Exception {
    int exit = ServerProcess.runToExit(Map.of("PORT", "eighty", "SYNC_TIMEOUT", "-1", "DATA_DIR", dir.toString()), dir.resolve("out.log"));

    String output = Files.readString(dir.resolve("out.log"));
    assertThat(exit).isEqualTo(2);
    assertThat(output)
        .contains("PORT=\"eighty\" is not a whole number from 0 to 65535 (unset it to use the default, 8000)")
        .contains("SYNC_TIMEOUT=\"-1\" is not a whole number from 0 to 86400");
  }

  @Test
  void anInvalidWorkflowStopsTheProcessWithEveryDiagnostic() throws Exception {
    Path workflow = dir.resolve("broken.yaml");
    Files.writeString(
        workflow,
        """
        schema_version: "1.0"
        flow:
          name: broken
        state:
          fields:
            message: {type: str, required: true}
        nodes:
          - id: echo
            prompt: "Repeat {state.mesage}"
            outputs: [result]
        edges:
          - {from: START, to: echo}
          - {from: echo, to: ENDD}
        """);

    int exit = ServerProcess.runToExit(Map.of("WORKFLOW_FILE", workflow.toString(), "DATA_DIR", dir.toString()), dir.resolve("out.log"));

    String output = Files.readString(dir.resolve("out.log"));
    assertThat(exit).isEqualTo(2);
    assertThat(output).containsPattern("broken.yaml:9:\\d+: error: ").containsPattern("broken.yaml:13:\\d+: error: ");
  }

  @Test
  void aDataDirThatCannotBeCreatedStopsTheProcessNamingIt() throws Exception {
    try (FakeOpenAi fake = FakeOpenAi.start(Duration.ZERO)) {
      Path notADirectory = Files.writeString(dir.resolve("plain-file"), "");
      Map<String, String> env = EchoWorkflow.environment(EchoWorkflow.write(dir, fake), notADirectory.resolve("data"));

      int exit = ServerProcess.runToExit(env, dir.resolve("out.log"));

      assertThat(exit).isEqualTo(2);
      assertThat(Files.readString(dir.resolve("out.log")))
          .contains("cannot open the job store in " + notADirectory.resolve("data").resolve("jobs"))
          .contains("check that DATA_DIR names a writable directory");
    }
  }

  @Test
  void aMissingProviderKeyDoesNotStopTheProcessButReadinessReportsIt() throws Exception {
    try (FakeOpenAi fake = FakeOpenAi.start(Duration.ZERO)) {
      Map<String, String> env = EchoWorkflow.environment(EchoWorkflow.write(dir, fake), dir.resolve("data"));
      env.remove("OPENAI_API_KEY");
      try (ServerProcess server = ServerProcess.start(env, dir.resolve("out.log"))) {
        HttpResponse<String> ready = server.get("/observe/health/ready");
        HttpResponse<String> health = server.get("/health");

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("missing environment variable OPENAI_API_KEY");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(server.output()).contains("not ready: missing environment variable(s) OPENAI_API_KEY");
      }
    }
  }
}
