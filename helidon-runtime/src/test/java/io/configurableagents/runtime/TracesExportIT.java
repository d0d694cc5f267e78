package io.configurableagents.runtime;

import static io.configurableagents.runtime.trace.OtlpSpans.attributes;
import static io.configurableagents.runtime.trace.OtlpSpans.byName;
import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.runtime.trace.OtlpReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar exports a run's trace to MLflow as a user would see it there: the caller's
 * {@code traceparent} joined, the experiment looked up by name, the request and response of the
 * run on its root span, and the LLM span's request settings and the provider's answer as they
 * crossed the wire (a fake OpenAI-compatible server and a fake MLflow on loopback).
 */
class TracesExportIT {
  private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN = "00f067aa0ba902b7";

  @TempDir Path dir;

  @Test
  void aRunCalledWithATraceparentIsExportedToMlflowInTheCallersTraceWithTheGenAiAttributes() throws Exception {
    try (FakeOpenAi fake = FakeOpenAi.start(Duration.ZERO); OtlpReceiver mlflow = new OtlpReceiver()) {
      Path workflow = Files.writeString(dir.resolve("echo.yaml"), """
          schema_version: "1.0"
          flow: {name: echo}
          state:
            fields:
              message: {type: str, required: true}
              result: {type: str, default: ""}
          nodes:
            - id: echo
              prompt: "Simply repeat this message exactly: {state.message}"
              outputs: [result]
              output_schema: {type: object, fields: [{name: result, type: str}]}
          edges:
            - {from: START, to: echo}
            - {from: echo, to: END}
          config:
            llm: {provider: openai, model: gpt-4o-mini, temperature: 0.2, max_tokens: 300, api_base: "%s"}
            observability:
              mlflow: {tracking_uri: "%s", experiment_name: echo-prod}
          """.formatted(fake.apiBase(), mlflow.uri()));
      Map<String, String> env = EchoWorkflow.environment(workflow, dir.resolve("data"));
      try (ServerProcess server = ServerProcess.start(env, dir.resolve("server.log"))) {
        HttpResponse<String> response = server.send("/run?wait=30", HttpRequest.newBuilder()
            .header("Content-Type", "application/json")
            .header("traceparent", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01")
            .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"hello mlflow\"}")));
        assertThat(response.statusCode()).isEqualTo(200);

        OtlpReceiver.Received export = mlflow.await(1, Duration.ofSeconds(20)).get(0);
        assertThat(mlflow.experimentCalls()).containsExactly(
            "GET /api/2.0/mlflow/experiments/get-by-name?experiment_name=echo-prod", "POST /api/2.0/mlflow/experiments/create");
        assertThat(export.header("x-mlflow-experiment-id")).isEqualTo("100");
        List<Span> spans = export.request().getResourceSpans(0).getScopeSpans(0).getSpansList();
        assertThat(spans).extracting(s -> hex(s.getTraceId().toByteArray())).containsOnly(CALLER_TRACE);

        Span root = byName(spans, "invoke_agent echo");
        assertThat(hex(root.getParentSpanId().toByteArray())).isEqualTo(CALLER_SPAN);
        Map<String, Object> run = attributes(root.getAttributesList());
        assertThat((String) run.get("gen_ai.input.messages")).contains("hello mlflow").contains("\"role\":\"user\"");
        assertThat((String) run.get("gen_ai.output.messages")).contains("\"role\":\"assistant\"").contains("hello mlflow");

        assertThat(attributes(byName(spans, "node echo#1").getAttributesList())).containsEntry("configurable_agents.node.type", "llm");
        Map<String, Object> chat = attributes(byName(spans, "chat gpt-4o-mini").getAttributesList());
        assertThat(chat).containsEntry("gen_ai.request.temperature", 0.2).containsEntry("gen_ai.request.max_tokens", 300L)
            .containsEntry("gen_ai.response.model", "gpt-4o-mini").containsEntry("gen_ai.response.finish_reasons", List.of("stop"))
            .containsEntry("server.address", "127.0.0.1").containsEntry("server.port", (long) fake.port());
        assertThat((String) chat.get("gen_ai.output.messages")).contains("\"finish_reason\":\"stop\"");
      }
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
