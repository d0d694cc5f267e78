package io.configurableagents.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.runtime.llm.LlmClient;
import io.configurableagents.runtime.llm.LlmRequest;
import io.configurableagents.runtime.llm.LlmResponse;
import io.configurableagents.runtime.llm.LlmTarget;
import io.configurableagents.runtime.llm.ProviderFailures;
import io.configurableagents.runtime.llm.ToolCall;
import io.configurableagents.runtime.tools.FakeWebServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tool-calling loop of a node (docs/engine.md, "Tools"), with a scripted model and a fake search service on loopback. */
class ToolLoopTest {
  private static final String WORKFLOW =
      """
      schema_version: "1.0"
      flow: {name: researcher}
      state:
        fields:
          topic: {type: str, required: true}
          notes: {type: str, default: ""}
      nodes:
        - id: research
          prompt: "Research {topic}"
          tools: [TOOLS]
          outputs: [notes]
          output_schema: {type: str}
      edges:
        - {from: START, to: research}
        - {from: research, to: END}
      config: {llm: {provider: openai}}
      """;

  private FakeWebServer web;

  @BeforeEach
  void startWeb() {
    web = FakeWebServer.start().results(List.<String[]>of(new String[] {"Otters hold hands", "https://example.org/otters", "Sea otters hold hands while sleeping."}));
  }

  @AfterEach
  void stopWeb() {
    web.close();
  }

  private EngineOptions options() {
    Map<String, String> env = new HashMap<>(Harness.KEYS);
    env.put("SERPER_API_KEY", "serper-test-key-0123");
    env.put("SERPER_BASE_URL", web.baseUrl());
    env.put("ALLOWED_HOSTS", web.hostAndPort());
    return Harness.OPTIONS.withEnvironment(env);
  }

  private WorkflowEngine engine(String tools, Turns model) {
    return Harness.engine(WORKFLOW.replace("TOOLS", tools), model, options());
  }

  @Test
  void theModelCallsTheSearchToolAndAnswersFromItsResult() {
    Turns model = new Turns(
        r -> Turns.calls(new ToolCall("call_1", "serper_search", "{\"query\":\"otters\"}")),
        r -> Turns.answer("{\"result\":\"" + (lastResult(r).contains("hold hands") ? "otters hold hands" : "no idea") + "\"}"));
    Harness.Outcome run = Harness.run(engine("serper_search", model), Map.of("topic", "otters"));

    assertThat(run.outputs()).containsEntry("notes", "otters hold hands");
    assertThat(web.requestsTo("/search")).singleElement().satisfies(req -> {
      assertThat(req.header("X-API-KEY")).isEqualTo("serper-test-key-0123");
      assertThat(FakeWebServer.json(req).path("q").asText()).isEqualTo("otters");
    });
    LlmRequest second = model.requests.get(1);
    assertThat(second.tools()).extracting(t -> t.name()).containsExactly("serper_search");
    assertThat(second.rounds()).singleElement().satisfies(round -> {
      assertThat(round.calls()).extracting(ToolCall::id).containsExactly("call_1");
      assertThat(round.results().get(0)).contains("\"title\":\"Otters hold hands\"").contains("\"provider\":\"serper\"");
    });
    int firstAttempt = run.indexOf(e -> e instanceof RunEvent.LlmAttemptStarted a && a.attempt() == 1);
    int toolStarted = run.indexOf(e -> e instanceof RunEvent.ToolCallStarted);
    int toolFinished = run.indexOf(e -> e instanceof RunEvent.ToolCallFinished);
    int secondAttempt = run.indexOf(e -> e instanceof RunEvent.LlmAttemptStarted a && a.attempt() == 2);
    assertThat(List.of(firstAttempt, toolStarted, toolFinished, secondAttempt)).isSorted();
    assertThat(run.of(RunEvent.LlmAttemptFinished.class).get(0).outcome()).isInstanceOf(AttemptOutcome.ToolCalls.class);
    assertThat(run.of(RunEvent.ToolCallFinished.class)).singleElement().satisfies(f -> {
      assertThat(f.error()).isEmpty();
      assertThat(f.round()).isEqualTo(1);
    });
  }

  @Test
  void theCallsOfOneTurnRunAtTheSameTime() {
    web.delay(Duration.ofMillis(300));
    Turns model = new Turns(
        r -> Turns.calls(
            new ToolCall("a", "serper_search", "{\"query\":\"one\"}"),
            new ToolCall("b", "serper_search", "{\"query\":\"two\"}"),
            new ToolCall("c", "serper_search", "{\"query\":\"three\"}")),
        r -> Turns.answer("{\"result\":\"done\"}"));
    Harness.Outcome run = Harness.run(engine("serper_search", model), Map.of("topic", "otters"));

    assertThat(run.outputs()).containsEntry("notes", "done");
    assertThat(web.maxInFlight()).isEqualTo(3);
    assertThat(model.requests.get(1).rounds().get(0).calls()).extracting(ToolCall::id).containsExactly("a", "b", "c");
  }

  @Test
  void aModelThatNeverStopsAskingEndsAtTheRoundLimitWithAnErrorNamingIt() {
    Turns model = new Turns(r -> Turns.calls(new ToolCall("x", "json_parse", "{\"text\":\"[1]\"}")));
    WorkflowEngine engine = Harness.engine(
        WORKFLOW.replace("TOOLS", "json_parse").replace("    outputs: [notes]", "    max_tool_rounds: 2\n    outputs: [notes]"),
        model, options());
    Harness.Outcome run = Harness.run(engine, Map.of("topic", "otters"));

    assertThat(run.error().type()).isEqualTo(EngineError.TOOL_ROUND_LIMIT);
    assertThat(run.error().message()).isEqualTo(
        "node \"research\": the model asked for tools again after 2 round(s), its limit (max_tool_rounds: 2 on the node);"
            + " raise it, or make the prompt say when to stop searching and answer");
    assertThat(model.requests).hasSize(3);
  }

  @Test
  void aFailingToolFailsTheNodeByDefault() {
    web.searchStatus(500);
    Turns model = new Turns(r -> Turns.calls(new ToolCall("c1", "serper_search", "{\"query\":\"otters\"}")));
    Harness.Outcome run = Harness.run(engine("serper_search", model), Map.of("topic", "otters"));

    assertThat(run.error().type()).isEqualTo(EngineError.TOOL_ERROR);
    assertThat(run.error().message()).startsWith("node \"research\": tool serper_search failed: serper answered HTTP 500")
        .endsWith("set on_error: continue on the tool ({name: serper_search, on_error: continue})");
    assertThat(model.requests).hasSize(1);
  }

  @Test
  void withOnErrorContinueTheModelReadsTheErrorAndGoesOn() {
    web.searchStatus(503);
    Turns model = new Turns(
        r -> Turns.calls(new ToolCall("c1", "serper_search", "{\"query\":\"otters\"}")),
        r -> Turns.answer("{\"result\":\"" + (lastResult(r).startsWith("error: serper answered HTTP 503") ? "search was down" : "?") + "\"}"));
    Harness.Outcome run = Harness.run(engine("{name: serper_search, on_error: continue}", model), Map.of("topic", "otters"));

    assertThat(run.outputs()).containsEntry("notes", "search was down");
    assertThat(run.of(RunEvent.ToolCallFinished.class).get(0).error()).hasValueSatisfying(e -> assertThat(e).startsWith("serper answered HTTP 503"));
  }

  @Test
  void badInputFromTheModelIsToldToItEvenWhenFailuresFail() {
    Turns model = new Turns(
        r -> Turns.calls(new ToolCall("c1", "json_parse", "{\"text\":\"{not json\"}"), new ToolCall("c2", "no_such_tool", "{}")),
        r -> Turns.answer("{\"result\":\"corrected\"}"));
    Harness.Outcome run = Harness.run(engine("json_parse", model), Map.of("topic", "otters"));

    assertThat(run.outputs()).containsEntry("notes", "corrected");
    List<String> told = model.requests.get(1).rounds().get(0).results();
    assertThat(told.get(0)).startsWith("error: not JSON: ");
    assertThat(told.get(1)).isEqualTo("error: there is no tool \"no_such_tool\"; the tools are: json_parse");
  }

  @Test
  void aToolThatTakesLongerThanItsTimeoutFailsTheNode() {
    web.delay(Duration.ofSeconds(3));
    Turns model = new Turns(r -> Turns.calls(new ToolCall("c1", "serper_search", "{\"query\":\"otters\"}")));
    Harness.Outcome run = Harness.run(engine("{name: serper_search, config: {timeout: 1}}", model), Map.of("topic", "otters"));

    assertThat(run.error().type()).isEqualTo(EngineError.TOOL_ERROR);
    assertThat(run.error().message()).contains("tool serper_search failed: no result within its timeout of 1 s");
  }

  @Test
  void aLongResultIsCutWithANoteToTheModel() {
    Turns model = new Turns(
        r -> Turns.calls(new ToolCall("c1", "json_parse", "{\"text\":\"\\\"" + "x".repeat(500) + "\\\"\"}")),
        r -> Turns.answer("{\"result\":\"ok\"}"));
    Harness.run(engine("{name: json_parse, config: {max_result_chars: 100}}", model), Map.of("topic", "otters"));

    String sent = model.requests.get(1).rounds().get(0).results().get(0);
    assertThat(sent).startsWith("{\"parsed\":\"xxxx")
        .endsWith("\n[truncated: the result had 513 characters; only the first 100 are shown]");
  }

  @Test
  void aMissingSearchKeyFailsTheRunBeforeAnyNodeAndReadinessNamesIt() {
    Map<String, String> env = new HashMap<>(Harness.KEYS);
    env.remove("SERPER_API_KEY");
    WorkflowEngine engine = Harness.engine(WORKFLOW.replace("TOOLS", "serper_search"), new Turns(), Harness.OPTIONS.withEnvironment(env));
    Harness.Outcome run = Harness.run(engine, Map.of("topic", "otters"));

    assertThat(engine.missingEnvironment()).containsExactly("SERPER_API_KEY");
    assertThat(run.error().type()).isEqualTo(EngineError.MISSING_API_KEY);
    assertThat(run.error().message()).startsWith("Environment variable SERPER_API_KEY (the serper_search tool of node 'research') is not set.");
    assertThat(run.nodesStarted()).isEmpty();
  }

  @Test
  void webSearchWithTavilyInTheEnvironmentNeedsTheTavilyKeyNotSerpers() {
    Map<String, String> env = new HashMap<>(Harness.KEYS);
    env.remove("SERPER_API_KEY");
    env.remove("TAVILY_API_KEY");
    env.put("WEB_SEARCH_PROVIDER", "tavily");
    WorkflowEngine engine = Harness.engine(WORKFLOW.replace("TOOLS", "web_search"), new Turns(), Harness.OPTIONS.withEnvironment(env));

    assertThat(engine.missingEnvironment()).containsExactly("TAVILY_API_KEY");
    assertThat(Harness.run(engine, Map.of("topic", "otters")).error().message())
        .startsWith("Environment variable TAVILY_API_KEY (the web_search tool of node 'research') is not set.");
  }

  /** The last tool result the model was sent. */
  private static String lastResult(LlmRequest request) {
    var rounds = request.rounds();
    var results = rounds.get(rounds.size() - 1).results();
    return results.get(results.size() - 1);
  }

  /** A scripted model whose turns are answers or tool calls; the last turn repeats. */
  static final class Turns implements LlmClient {
    private final List<Function<LlmRequest, LlmResponse>> turns;
    final List<LlmRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private boolean recording = true;

    @SafeVarargs
    Turns(Function<LlmRequest, LlmResponse>... turns) {
      this.turns = List.of(turns);
    }

    static LlmResponse calls(ToolCall... calls) {
      return new LlmResponse("", 10, 5, "gpt-4o-mini", List.of(calls));
    }

    static LlmResponse answer(String json) {
      return new LlmResponse(json, 10, 5, "gpt-4o-mini");
    }

    /** Whether requests are kept (benchmarks keep none, so that memory does not grow). */
    Turns recording(boolean keep) {
      this.recording = keep;
      return this;
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
      if (recording) {
        requests.add(request);
      }
      int n = calls.getAndIncrement();
      return turns.get(Math.min(n, turns.size() - 1)).apply(request);
    }

    @Override
    public LlmTarget target() {
      return ProviderFailures.TARGET;
    }
  }
}
