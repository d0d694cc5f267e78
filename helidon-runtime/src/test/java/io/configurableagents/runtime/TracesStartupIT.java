package io.configurableagents.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad traces settings stop the packaged jar at start with a message naming them (exit code 2). */
class TracesStartupIT {
  @TempDir Path dir;

  @Test
  void badTracesVariablesStopTheProcessNamingEachOne() throws Exception {
    try (FakeOpenAi fake = FakeOpenAi.start(Duration.ZERO)) {
      Map<String, String> env = EchoWorkflow.environment(EchoWorkflow.write(dir, fake), dir.resolve("data"));
      env.put("TRACES_LOG_PROMPTS", "sometimes");
      env.put("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318");
      env.put("OTEL_EXPORTER_OTLP_HEADERS", "authorization=Bearer%20do-not-print-me");

      int exit = ServerProcess.runToExit(env, dir.resolve("out.log"));

      String output = Files.readString(dir.resolve("out.log"));
      assertThat(exit).isEqualTo(2);
      assertThat(output).contains("invalid traces configuration")
          .contains("TRACES_LOG_PROMPTS=\"sometimes\" is not true or false")
          .contains("OTEL_EXPORTER_OTLP_ENDPOINT=\"collector:4318\" is not an http:// or https:// URL")
          .doesNotContain("do-not-print-me")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void theTracesPortMustDifferFromTheApiPort() throws Exception {
    try (FakeOpenAi fake = FakeOpenAi.start(Duration.ZERO)) {
      Map<String, String> env = EchoWorkflow.environment(EchoWorkflow.write(dir, fake), dir.resolve("data"));
      env.put("PORT", "18555");
      env.put("TRACES_PORT", "18555");

      int exit = ServerProcess.runToExit(env, dir.resolve("out.log"));

      assertThat(exit).isEqualTo(2);
      assertThat(Files.readString(dir.resolve("out.log"))).contains("TRACES_PORT and PORT are both 18555");
    }
  }
}
