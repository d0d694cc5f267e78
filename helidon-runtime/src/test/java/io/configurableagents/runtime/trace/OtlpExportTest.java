package io.configurableagents.runtime.trace;

import static io.configurableagents.runtime.trace.OtlpSpans.attributes;
import static io.configurableagents.runtime.trace.OtlpSpans.byName;
import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.model.Provider;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.runtime.engine.RunControl;
import io.configurableagents.runtime.engine.TraceParent;
import io.configurableagents.runtime.engine.WorkflowEngine;
import io.configurableagents.runtime.llm.LlmClient;
import io.configurableagents.runtime.llm.LlmRequest;
import io.configurableagents.runtime.llm.LlmResponse;
import io.configurableagents.runtime.llm.LlmTarget;
import io.configurableagents.runtime.llm.ToolCall;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtlpExportTest {
  @TempDir Path dir;

  private void runOnce(Tracing tracing, Workflow workflow, String jobId, ScriptedLlm llm) {
    WorkflowEngine engine = WorkflowEngine.create(workflow, TraceFixtures.OPTIONS, spec -> llm);
    engine.run(jobId, engine.prepareInputs(Map.of("topic", "dragons")), RunControl.create(), tracing.recorder());
  }

  @Test
  void anMlflowServerReceivesTheRunAsProtobufSpansWithGenAiAttributes() throws Exception {
    try (OtlpReceiver mlflow = new OtlpReceiver()) {
      Workflow workflow = TraceFixtures.load(TraceFixtures.TWO_NODES);
      Map<String, String> env = Map.of("MLFLOW_TRACKING_URI", mlflow.uri() + "/", "MLFLOW_EXPERIMENT_ID", "42",
          "OPENAI_API_KEY", TraceFixtures.API_KEY);
      try (Tracing tracing = Tracing.start(workflow, dir, env, Clock.systemUTC())) {
        runOnce(tracing, workflow, "job-mlflow", ScriptedLlm.replying("{\"result\": \"once upon a time\"}"));

        OtlpReceiver.Received got = mlflow.await(1, Duration.ofSeconds(10)).get(0);
        assertThat(got.path()).isEqualTo("/v1/traces");
        assertThat(got.header("x-mlflow-experiment-id")).isEqualTo("42");
        assertThat(got.header("Content-Type")).isEqualTo("application/x-protobuf");
        ResourceSpans resource = got.request().getResourceSpans(0);
        assertThat(attributes(resource.getResource().getAttributesList())).containsEntry("service.name", "story")
            .containsEntry("service.version", "2.1.0");
        List<Span> spans = resource.getScopeSpans(0).getSpansList();
        assertThat(spans).hasSize(5);
        assertThat(spans).extracting(Span::getTraceId).containsOnly(spans.get(0).getTraceId());

        Span root = spans.get(0);
        assertThat(root.getParentSpanId().isEmpty()).isTrue();
        assertThat(root.getName()).isEqualTo("invoke_agent story");
        assertThat(attributes(root.getAttributesList())).containsEntry("configurable_agents.job_id", "job-mlflow")
            .containsEntry("gen_ai.operation.name", "invoke_agent").containsEntry("configurable_agents.run.status", "completed");
        assertThat(root.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_OK);
        Map<String, Object> run = attributes(root.getAttributesList());
        assertThat((String) run.get("gen_ai.input.messages")).contains("\"role\":\"user\"").contains("dragons");
        assertThat((String) run.get("gen_ai.output.messages")).contains("\"role\":\"assistant\"").contains("once upon a time")
            .contains("\"finish_reason\":\"stop\"");

        Span plan = byName(spans, "node plan#1");
        assertThat(plan.getParentSpanId()).isEqualTo(root.getSpanId());
        assertThat(attributes(plan.getAttributesList())).containsEntry("configurable_agents.node.type", "llm");
        Span chat = spans.stream().filter(s -> s.getParentSpanId().equals(plan.getSpanId())).findFirst().orElseThrow();
        assertThat(chat.getName()).isEqualTo("chat gpt-4o-mini");
        assertThat(chat.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
        assertThat(chat.getEndTimeUnixNano()).isGreaterThanOrEqualTo(chat.getStartTimeUnixNano());
        Map<String, Object> a = attributes(chat.getAttributesList());
        assertThat(a).containsEntry("gen_ai.operation.name", "chat").containsEntry("gen_ai.provider.name", "openai")
            .containsEntry("gen_ai.request.model", "gpt-4o-mini").containsEntry("gen_ai.response.model", "gpt-4o-mini")
            .containsEntry("server.address", "api.openai.com").doesNotContainKey("gen_ai.request.temperature")
            .containsEntry("gen_ai.usage.input_tokens", (long) "Outline a story about dragons".length())
            .containsEntry("gen_ai.usage.output_tokens", (long) "{\"result\": \"once upon a time\"}".length());
        assertThat((String) a.get("gen_ai.input.messages")).contains("\"role\":\"user\"").contains("Outline a story about dragons");
        assertThat((String) a.get("gen_ai.output.messages")).contains("\"role\":\"assistant\"").contains("once upon a time");
        assertThat(got.request().toString()).doesNotContain(TraceFixtures.API_KEY);
      }
    }
  }

  @Test
  void aCollectorNamedByOtelVariablesGetsHeadersGzipAndNoPromptsWhenTheyAreOff() throws Exception {
    try (OtlpReceiver collector = new OtlpReceiver()) {
      Workflow workflow = TraceFixtures.load(TraceFixtures.TWO_NODES);
      Map<String, String> env = Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", collector.uri(),
          "OTEL_EXPORTER_OTLP_HEADERS", "x-tenant=blue,authorization=Bearer%20s3cr3t-token-value",
          "OTEL_EXPORTER_OTLP_COMPRESSION", "gzip", "OTEL_SERVICE_NAME", "stories-prod",
          "TRACES_LOG_PROMPTS", "false");
      try (Tracing tracing = Tracing.start(workflow, dir, env, Clock.systemUTC())) {
        runOnce(tracing, workflow, "job-otel", new ScriptedLlm(r -> "not json", r -> "{\"result\": \"plot\"}"));

        OtlpReceiver.Received got = collector.await(1, Duration.ofSeconds(10)).get(0);
        assertThat(got.header("x-tenant")).isEqualTo("blue");
        assertThat(got.header("authorization")).isEqualTo("Bearer s3cr3t-token-value");
        assertThat(attributes(got.request().getResourceSpans(0).getResource().getAttributesList()))
            .containsEntry("service.name", "stories-prod");
        List<Span> spans = got.request().getResourceSpans(0).getScopeSpans(0).getSpansList();
        List<Map<String, Object>> chats = spans.stream().filter(s -> s.getName().startsWith("chat"))
            .map(s -> attributes(s.getAttributesList())).toList();
        assertThat(chats).hasSize(3).allSatisfy(a -> assertThat(a).doesNotContainKeys("gen_ai.input.messages", "gen_ai.output.messages")
            .containsKey("configurable_agents.llm.prompt_chars"));
        assertThat(chats.get(0)).containsEntry("configurable_agents.llm.outcome", "rejected")
            .containsKey("configurable_agents.llm.retry_reason");
        Span rejected = spans.stream().filter(s -> s.getName().startsWith("chat")).findFirst().orElseThrow();
        assertThat(rejected.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
        assertThat(got.request().toString()).doesNotContain("Outline a story").doesNotContain("s3cr3t");
        assertThat(attributes(byName(spans, "invoke_agent story").getAttributesList()))
            .doesNotContainKeys("gen_ai.input.messages", "gen_ai.output.messages", "configurable_agents.run.inputs");
      }
    }
  }

  @Test
  void aRunInACallersTraceIsExportedAsAChildOfTheCallersSpan() throws Exception {
    try (OtlpReceiver collector = new OtlpReceiver()) {
      Workflow workflow = TraceFixtures.load(TraceFixtures.TWO_NODES);
      TraceParent caller = TraceParent.parse("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01").orElseThrow();
      try (Tracing tracing = Tracing.start(workflow, dir, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", collector.uri()), Clock.systemUTC())) {
        WorkflowEngine engine = WorkflowEngine.create(workflow, TraceFixtures.OPTIONS, spec -> ScriptedLlm.replying("{\"result\": \"x\"}"));
        engine.run("job-child", engine.prepareInputs(Map.of("topic", "owls")), Optional.of(caller), RunControl.create(), tracing.recorder());

        List<Span> spans = collector.await(1, Duration.ofSeconds(10)).get(0).request().getResourceSpans(0).getScopeSpans(0).getSpansList();
        Span root = byName(spans, "invoke_agent story");
        assertThat(HexFormat.of().formatHex(root.getParentSpanId().toByteArray())).isEqualTo("b7ad6b7169203331");
        assertThat(spans).allSatisfy(span ->
            assertThat(HexFormat.of().formatHex(span.getTraceId().toByteArray())).isEqualTo("0af7651916cd43dd8448eb211c80319c"));
        assertThat(tracing.traces().find("job-child").orElseThrow().parentSpanId()).hasValue("b7ad6b7169203331");
      }
    }
  }

  @Test
  void aToolCallIsAnExecuteToolSpanUnderItsNodeBetweenTheTwoChatSpans() throws Exception {
    try (OtlpReceiver collector = new OtlpReceiver()) {
      Workflow workflow = TraceFixtures.load(TraceFixtures.TWO_NODES.replace(
          "    prompt: \"Outline a story about {topic}\"\n", "    prompt: \"Outline a story about {topic}\"\n    tools: [json_parse]\n"));
      Map<String, String> env = Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", collector.uri());
      AtomicInteger exchanges = new AtomicInteger();
      LlmClient model = new LlmClient() {
        @Override
        public LlmResponse complete(LlmRequest request) {
          if (request.hasTools() && exchanges.getAndIncrement() == 0) {
            return new LlmResponse("", 3, 2, "gpt-4o-mini",
                List.of(new ToolCall("call_7", "json_parse", "{\"text\": \"[1, 2]\"}")));
          }
          return new LlmResponse("{\"result\": \"a plot\"}", 3, 2, "gpt-4o-mini");
        }

        @Override
        public LlmTarget target() {
          return new LlmTarget(Provider.OPENAI, "gpt-4o-mini");
        }
      };
      try (Tracing tracing = Tracing.start(workflow, dir, env, Clock.systemUTC())) {
        WorkflowEngine engine = WorkflowEngine.create(workflow, TraceFixtures.OPTIONS, spec -> model);
        engine.run("job-tool", engine.prepareInputs(Map.of("topic", "dragons")), RunControl.create(), tracing.recorder());

        List<Span> spans = collector.await(1, Duration.ofSeconds(10)).get(0).request().getResourceSpans(0).getScopeSpans(0).getSpansList();
        Span plan = byName(spans, "node plan#1");
        List<String> children = spans.stream().filter(s -> s.getParentSpanId().equals(plan.getSpanId())).map(Span::getName).toList();
        assertThat(children).containsExactly("chat gpt-4o-mini", "execute_tool json_parse", "chat gpt-4o-mini");
        Span tool = byName(spans, "execute_tool json_parse");
        assertThat(tool.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_INTERNAL);
        assertThat(tool.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_OK);
        assertThat(attributes(tool.getAttributesList()))
            .containsEntry("gen_ai.operation.name", "execute_tool")
            .containsEntry("gen_ai.tool.name", "json_parse")
            .containsEntry("gen_ai.tool.call.id", "call_7")
            .containsEntry("gen_ai.tool.call.arguments", "{\"text\": \"[1, 2]\"}")
            .containsEntry("gen_ai.tool.call.result", "{\"parsed\":[1,2]}")
            .containsEntry("configurable_agents.tool.round", 1L);
        Map<String, Object> firstChat = attributes(spans.stream().filter(s -> s.getParentSpanId().equals(plan.getSpanId())).findFirst()
            .orElseThrow().getAttributesList());
        assertThat(firstChat).containsEntry("configurable_agents.llm.outcome", "tool_calls");
        assertThat((String) firstChat.get("gen_ai.output.messages")).contains("json_parse").contains("\"finish_reason\":\"tool_call\"");
      }
    }
  }

  @Test
  void anExperimentNamedInTheWorkflowIsCreatedInMlflowWhenMissingAndItsIdIsSentWithTheSpans() throws Exception {
    try (OtlpReceiver mlflow = new OtlpReceiver()) {
      Workflow workflow = TraceFixtures.load(TraceFixtures.TWO_NODES + "  observability:\n    mlflow: {tracking_uri: \"" + mlflow.uri()
          + "\", experiment_name: \"stories & more\"}\n");
      try (Tracing tracing = Tracing.start(workflow, dir, Map.of("MLFLOW_TRACKING_TOKEN", "tok-123"), Clock.systemUTC())) {
        runOnce(tracing, workflow, "job-1", ScriptedLlm.replying("{\"result\": \"a\"}"));
        mlflow.await(1, Duration.ofSeconds(10));
        runOnce(tracing, workflow, "job-2", ScriptedLlm.replying("{\"result\": \"b\"}"));
        List<OtlpReceiver.Received> exports = mlflow.await(2, Duration.ofSeconds(10));

        assertThat(mlflow.experimentCalls()).containsExactly(
            "GET /api/2.0/mlflow/experiments/get-by-name?experiment_name=stories+%26+more",
            "POST /api/2.0/mlflow/experiments/create");
        assertThat(exports).extracting(e -> e.header("x-mlflow-experiment-id")).containsExactly("100", "100");
        assertThat(exports.get(0).header("Authorization")).isEqualTo("Bearer tok-123");
        assertThat(tracing.describe()).anySatisfy(line -> assertThat(line).contains("experiment \"stories & more\" (looked up by name"));
      }
    }
  }

  @Test
  void anExistingExperimentIsFoundByTheNameTheEnvironmentGives() throws Exception {
    try (OtlpReceiver mlflow = new OtlpReceiver().withExperiment("prod-stories", "7")) {
      Workflow workflow = TraceFixtures.load(TraceFixtures.TWO_NODES);
      Map<String, String> env = Map.of("MLFLOW_TRACKING_URI", mlflow.uri(), "MLFLOW_EXPERIMENT_NAME", "prod-stories");
      try (Tracing tracing = Tracing.start(workflow, dir, env, Clock.systemUTC())) {
        runOnce(tracing, workflow, "job-1", ScriptedLlm.replying("{\"result\": \"a\"}"));

        assertThat(mlflow.await(1, Duration.ofSeconds(10)).get(0).header("x-mlflow-experiment-id")).isEqualTo("7");
        assertThat(mlflow.experimentCalls()).containsExactly("GET /api/2.0/mlflow/experiments/get-by-name?experiment_name=prod-stories");
      }
    }
  }
}
