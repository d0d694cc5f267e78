package io.configurableagents.runtime.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.model.Workflow;
import io.configurableagents.runtime.engine.RunControl;
import io.configurableagents.runtime.engine.RunResult;
import io.configurableagents.runtime.engine.WorkflowEngine;
import io.configurableagents.runtime.llm.ProviderFailures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TraceRecorderTest {

  private static final String PARALLEL_AND_LOOP = """
      schema_version: "1.0"
      flow: {name: notes}
      state:
        fields:
          topics: {type: "list[str]", required: true}
          notes: {type: "list[str]", default: []}
          draft: {type: str, default: ""}
          done: {type: bool, default: false}
      nodes:
        - {id: plan, prompt: "Plan notes on {state.topics}", outputs: [draft], output_schema: {type: str}}
        - {id: note, prompt: "Note {_parallel_index} on {_parallel_item}", outputs: [draft], output_schema: {type: str}}
        - id: refine
          prompt: "Iteration {_loop_iteration_refine} on {state.notes}"
          outputs: [draft, done]
          output_schema:
            type: object
            fields:
              - {name: draft, type: str}
              - {name: done, type: bool}
      edges:
        - {from: START, to: plan}
        - from: plan
          parallel: {items_field: topics, target_node: note, collect_field: notes}
        - {from: note, to: refine}
        - from: refine
          loop: {condition_field: done, max_iterations: 3, exit_to: END}
      config:
        llm: {provider: openai}
      """;

  @Test
  void aSuccessfulRunIsOneTraceWithASpanPerNodeAndPerAttempt() {
    Trace trace = TraceFixtures.run(TraceFixtures.TWO_NODES, ScriptedLlm.replying("{\"result\": \"once upon a time\"}"),
        Map.of("topic", "dragons"), TraceFixtures.logging(true));

    TraceSummary run = trace.summary();
    assertThat(run.jobId()).isEqualTo("job-1");
    assertThat(run.workflow()).isEqualTo("story");
    assertThat(run.workflowVersion()).isEqualTo("2.1.0");
    assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(run.endedAt()).isPresent();
    assertThat(run.nodeCount()).isEqualTo(2);
    assertThat(run.llmAttempts()).isEqualTo(2);
    assertThat(trace.inputs()).containsEntry("topic", "dragons");
    assertThat(trace.outputs()).hasValueSatisfying(o -> assertThat(o).containsEntry("story", "once upon a time"));

    List<NodeSpan> nodes = nodes(trace);
    List<LlmSpan> attempts = attempts(trace);
    assertThat(nodes).extracting(n -> n.node().nodeId()).containsExactly("plan", "write");
    assertThat(nodes).allSatisfy(n -> assertThat(n.parentSpanId()).isEqualTo(trace.spanId()));
    assertThat(nodes.get(0).end().orElseThrow().updates()).containsEntry("outline", "once upon a time");
    LlmSpan first = attempts.get(0);
    assertThat(first.parentSpanId()).isEqualTo(nodes.get(0).spanId());
    assertThat(first.target()).isEqualTo(ScriptedLlm.TARGET);
    assertThat(first.prompt().text()).hasValueSatisfying(p -> assertThat(p).contains("Outline a story about dragons"));
    LlmSpan.End end = first.end().orElseThrow();
    assertThat(end.outcome()).isEqualTo(LlmSpan.Outcome.ACCEPTED);
    assertThat(end.response().flatMap(Payload::text)).contains("{\"result\": \"once upon a time\"}");
    assertThat(end.result()).containsEntry("outline", "once upon a time");
    assertThat(end.inputTokens()).isEqualTo(first.prompt().chars());
    assertThat(end.outputTokens()).isPositive();
    assertThat(run.inputTokens()).isEqualTo(attempts.stream().mapToLong(a -> a.end().orElseThrow().inputTokens()).sum());
    assertThat(trace.traceId()).matches("[0-9a-f]{32}");
    assertThat(first.spanId()).matches("[0-9a-f]{16}");
  }

  @Test
  void aRejectedAnswerIsRetriedAndTheAttemptSaysWhy() {
    ScriptedLlm llm = new ScriptedLlm(r -> "this is not JSON", r -> "{\"result\": \"fine\"}");

    Trace trace = TraceFixtures.run(TraceFixtures.TWO_NODES, llm, Map.of("topic", "dragons"), TraceFixtures.logging(true));

    List<LlmSpan> plan = attempts(trace).stream().filter(a -> a.node().nodeId().equals("plan")).toList();
    assertThat(plan).extracting(LlmSpan::attempt).containsExactly(1, 2);
    LlmSpan.End rejected = plan.get(0).end().orElseThrow();
    assertThat(rejected.outcome()).isEqualTo(LlmSpan.Outcome.REJECTED);
    assertThat(rejected.retryReason()).hasValueSatisfying(r -> assertThat(r).startsWith("answer rejected:"));
    assertThat(plan.get(0).status()).isEqualTo(SpanStatus.ERROR);
    assertThat(plan.get(1).end().orElseThrow().outcome()).isEqualTo(LlmSpan.Outcome.ACCEPTED);
    assertThat(trace.summary().status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void aFailedRunKeepsTheErrorOfTheNodeThatFailed() {
    ScriptedLlm llm = new ScriptedLlm(r -> "{\"result\": \"outline\"}", r -> {
      throw ProviderFailures.http(401, "Incorrect API key provided");
    });

    Trace trace = TraceFixtures.run(TraceFixtures.TWO_NODES, llm, Map.of("topic", "dragons"), TraceFixtures.logging(true));

    assertThat(trace.summary().status()).isEqualTo(RunStatus.FAILED);
    TraceError error = trace.summary().error().orElseThrow();
    assertThat(error.type()).isEqualTo("provider_error");
    assertThat(error.node()).contains("write");
    NodeSpan write = nodes(trace).get(1);
    assertThat(write.status()).isEqualTo(SpanStatus.ERROR);
    assertThat(write.error().orElseThrow().message()).contains("401");
    LlmSpan attempt = attempts(trace).get(1);
    assertThat(attempt.end().orElseThrow().outcome()).isEqualTo(LlmSpan.Outcome.PROVIDER_FAILED);
    assertThat(attempt.errorMessage()).hasValueSatisfying(m -> assertThat(m).contains("Incorrect API key provided"));
    assertThat(trace.outputs()).isEmpty();
  }

  @Test
  void withoutPromptLoggingOnlySizesOfPromptsResponsesAndAnswersAreKept() throws IOException {
    Trace trace = TraceFixtures.run(TraceFixtures.TWO_NODES, ScriptedLlm.replying("{\"result\": \"secret plot\"}"),
        Map.of("topic", "dragons"), TraceFixtures.logging(false));

    assertThat(trace.promptsLogged()).isFalse();
    LlmSpan first = attempts(trace).get(0);
    assertThat(first.prompt().text()).isEmpty();
    assertThat(first.prompt().chars()).isEqualTo("Outline a story about dragons".length());
    LlmSpan.End end = first.end().orElseThrow();
    assertThat(end.response().orElseThrow().text()).isEmpty();
    assertThat(end.response().orElseThrow().chars()).isEqualTo("{\"result\": \"secret plot\"}".length());
    assertThat(end.result().get("outline")).isEqualTo("[not logged: 13 chars]");
    assertThat(new String(TraceJson.bytes(trace), StandardCharsets.UTF_8)).doesNotContain("Outline a story").doesNotContain("\"secret plot\\\"");
  }

  @Test
  void secretValuesOfTheEnvironmentNeverAppearInATrace() throws IOException {
    Trace trace = TraceFixtures.run(TraceFixtures.TWO_NODES, ScriptedLlm.replying("{\"result\": \"ok\"}"),
        Map.of("topic", "the key " + TraceFixtures.API_KEY), TraceFixtures.logging(true));

    String json = new String(TraceJson.bytes(trace), StandardCharsets.UTF_8);
    assertThat(json).doesNotContain(TraceFixtures.API_KEY).contains("the key ***");
  }

  @Test
  void largeInputsOutputsPromptsAndAnswersKeepTheirBeginningAndAMarkerWithTheirSize() throws IOException {
    String topic = "d".repeat(300);
    TraceSettings settings = new TraceSettings(true, List.of(), TraceRetention.DEFAULT, List.of(), "story", Map.of(), 100);

    Trace trace = TraceFixtures.run(TraceFixtures.TWO_NODES, ScriptedLlm.replying("{\"result\": \"" + "w".repeat(250) + "\"}"),
        Map.of("topic", topic), settings);

    assertThat(trace.inputs().get("topic")).isEqualTo("d".repeat(100) + "… [truncated: 300 chars]");
    assertThat(trace.outputs().orElseThrow().get("story")).isEqualTo("w".repeat(100) + "… [truncated: 250 chars]");
    LlmSpan first = attempts(trace).get(0);
    assertThat(first.prompt().text()).contains("Outline a story about " + "d".repeat(78));
    assertThat(first.prompt().chars()).isEqualTo(("Outline a story about " + topic).length());
    assertThat(first.prompt().truncated()).isTrue();
    assertThat(first.end().orElseThrow().response().orElseThrow().truncated()).isTrue();
    assertThat(first.end().orElseThrow().result().get("outline")).isEqualTo("w".repeat(100) + "… [truncated: 250 chars]");
    assertThat(nodes(trace).get(0).end().orElseThrow().updates().get("outline")).asString().endsWith("… [truncated: 250 chars]");
    assertThat(TraceJson.bytes(trace).length).isLessThan(6_000);
  }

  @Test
  void longListsAndObjectsKeepTheirFirstItemsAndSayHowManyThereWere() {
    ContentPolicy content = new ContentPolicy(true, List.of(), 100);
    List<String> words = java.util.stream.IntStream.range(0, 1_000).mapToObj(i -> "word" + i).toList();
    Map<String, Object> wide = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 500; i++) {
      wide.put("k" + i, i);
    }

    Map<String, Object> kept = content.values(Map.of("words", words, "wide", wide, "short", List.of("a", "b")));

    @SuppressWarnings("unchecked")
    List<Object> keptWords = (List<Object>) kept.get("words");
    @SuppressWarnings("unchecked")
    Map<String, Object> keptWide = (Map<String, Object>) kept.get("wide");
    assertThat(keptWords).hasSizeLessThan(30).endsWith("[truncated: 1000 items, " + (keptWords.size() - 1) + " kept]");
    assertThat(keptWide).hasSizeLessThan(30).containsKey("…");
    assertThat(keptWide.get("…")).asString().startsWith("[truncated: 500 keys, ");
    assertThat(kept.get("short")).isEqualTo(List.of("a", "b"));
  }

  @Test
  void parallelItemsAndLoopIterationsAreToldApart() {
    ScriptedLlm llm = new ScriptedLlm(request -> request.prompt().startsWith("Iteration 2")
        ? "{\"draft\": \"final\", \"done\": true}"
        : request.prompt().startsWith("Iteration") ? "{\"draft\": \"more\", \"done\": false}" : "{\"result\": \"n\"}");

    Trace trace = TraceFixtures.run(PARALLEL_AND_LOOP, llm, Map.of("topics", List.of("a", "b", "c")), TraceFixtures.logging(true));

    assertThat(trace.summary().status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(nodes(trace).stream().filter(n -> n.node().nodeId().equals("note")).map(n -> n.node().item()))
        .containsExactlyInAnyOrder(OptionalInt.of(0), OptionalInt.of(1), OptionalInt.of(2));
    assertThat(nodes(trace).stream().filter(n -> n.node().nodeId().equals("refine")).map(n -> n.node().iteration()))
        .containsExactly(1, 2);
    assertThat(nodes(trace).stream().map(NodeSpan::spanId).distinct()).hasSize(nodes(trace).size());
    NodeSpan lastRefine = nodes(trace).get(nodes(trace).size() - 1);
    assertThat(lastRefine.route()).hasValueSatisfying(r -> assertThat(r.to()).containsExactly("END"));
  }

  @Test
  void aStartedRunIsCheckpointedAndASinkThatThrowsNeverFailsTheRun() {
    Workflow workflow = TraceFixtures.load(TraceFixtures.TWO_NODES);
    TraceFixtures.Collected collected = new TraceFixtures.Collected();
    TraceSink broken = trace -> {
      throw new IllegalStateException("disk on fire");
    };
    TraceRecorder recorder = new TraceRecorder("2.1.0", TraceFixtures.logging(true), List.of(broken, collected), Clock.systemUTC());
    WorkflowEngine engine = WorkflowEngine.create(workflow, TraceFixtures.OPTIONS, spec -> ScriptedLlm.replying("{\"result\": \"x\"}"));

    RunResult result = engine.run("job-7", engine.prepareInputs(Map.of("topic", "t")), RunControl.create(), recorder);

    assertThat(result).isInstanceOf(RunResult.Succeeded.class);
    assertThat(collected.started).singleElement().satisfies(t -> assertThat(t.summary().status()).isEqualTo(RunStatus.RUNNING));
    assertThat(collected.finished).singleElement().satisfies(t -> assertThat(t.summary().status()).isEqualTo(RunStatus.COMPLETED));
    assertThat(recorder.live("job-7")).isEqualTo(Optional.empty());
  }

  static List<NodeSpan> nodes(Trace trace) {
    return trace.spans().stream().filter(NodeSpan.class::isInstance).map(NodeSpan.class::cast).toList();
  }

  static List<LlmSpan> attempts(Trace trace) {
    return trace.spans().stream().filter(LlmSpan.class::isInstance).map(LlmSpan.class::cast).toList();
  }
}
