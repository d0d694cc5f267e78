package io.configurableagents.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configurableagents.core.types.CoercionProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Inputs are coerced before the first node runs; every step of a run is an event, in order. */
class InputsAndEventsTest {

  private static final String TWO_STEPS =
      """
      schema_version: "1.0"
      flow: {name: two_steps}
      state:
        fields:
          topic: {type: str, required: true}
          count: {type: int, default: 1}
          flag: {type: bool, default: false}
          draft: {type: str, default: ""}
          final: {type: str, default: ""}
      nodes:
        - {id: draft, prompt: "Draft {state.topic} x{state.count}", outputs: [draft], output_schema: {type: str}}
        - {id: polish, prompt: "Polish {state.draft}", outputs: [final], output_schema: {type: str}}
      edges:
        - {from: START, to: draft}
        - {from: draft, to: polish}
        - {from: polish, to: END}
      """;

  private static FakeLlmClient ownNames() {
    return FakeLlmClient.answering(r -> "{\"result\": \"" + FakeLlmClient.nodeOf(r) + " text\"}");
  }

  @Test
  void inputsAreCoercedWithTheLaxRulesBeforeTheFirstNode() {
    FakeLlmClient fake = ownNames();
    WorkflowEngine engine = Harness.engine(TWO_STEPS, fake);

    PreparedInputs prepared = engine.prepareInputs(Map.of("topic", "tea", "count", "3", "flag", "yes", "unknown", 1));
    Harness.Outcome run = Harness.run(engine, Map.of("topic", "tea", "count", "3", "flag", "yes"));

    assertThat(prepared.state()).isEqualTo(Map.of("topic", "tea", "count", 3L, "flag", true, "draft", "", "final", ""));
    assertThat(fake.promptsFor("draft")).containsExactly("Draft tea x3");
    assertThat(run.outputs()).containsEntry("count", 3L).containsEntry("flag", true).doesNotContainKey("unknown");
    assertThat(run.outputs().keySet()).containsExactly("topic", "count", "flag", "draft", "final");
  }

  @Test
  void everyInputProblemIsReportedAtOnceAndNoRunStarts() {
    FakeLlmClient fake = ownNames();
    WorkflowEngine engine = Harness.engine(TWO_STEPS, fake);

    assertThatThrownBy(() -> engine.prepareInputs(Map.of("count", "many", "flag", "maybe")))
        .isInstanceOfSatisfying(InvalidInputsException.class, e -> assertThat(e.problems()).extracting(CoercionProblem::path)
            .containsExactlyInAnyOrder("topic", "count", "flag"))
        .hasMessage("3 inputs are invalid; see problems");
    assertThat(fake.calls()).isZero();
  }

  @Test
  void inputsPreparedForAnotherWorkflowAreRefused() {
    WorkflowEngine engine = Harness.engine(TWO_STEPS, ownNames());
    WorkflowEngine other = Harness.engine(TWO_STEPS, ownNames());

    assertThatThrownBy(() -> engine.run("r", other.prepareInputs(Map.of("topic", "tea")), RunControl.create(), RunListener.NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prepared for another workflow");
  }

  @Test
  void aRunEmitsItsEventsInOrder() {
    Harness.Outcome run = Harness.run(Harness.engine(TWO_STEPS, ownNames()), Map.of("topic", "tea"));

    assertThat(run.events())
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly(
            "RunStarted",
            "NodeStarted", "LlmAttemptStarted", "LlmAttemptFinished", "NodeFinished",
            "NodeStarted", "LlmAttemptStarted", "LlmAttemptFinished", "NodeFinished",
            "RunFinished");
    assertThat(run.events()).allSatisfy(e -> assertThat(e.runId()).isEqualTo("run-1"));
    assertThat(run.events()).extracting(RunEvent::timestamp).isSorted();
  }

  @Test
  void attemptEventsCarryWhatTracesNeed() {
    Harness.Outcome run = Harness.run(Harness.engine(TWO_STEPS, ownNames()), Map.of("topic", "tea"));

    RunEvent.LlmAttemptStarted started = run.of(RunEvent.LlmAttemptStarted.class).get(0);
    RunEvent.LlmAttemptFinished finished = run.of(RunEvent.LlmAttemptFinished.class).get(0);
    assertThat(started.node()).isEqualTo(new NodeExecution("draft", 1, 1, java.util.OptionalInt.empty()));
    assertThat(started.attempt()).isEqualTo(1);
    assertThat(started.target().toString()).isEqualTo("openai/gpt-4o-mini");
    assertThat(started.prompt()).isEqualTo("Draft tea x1");
    assertThat(finished.node()).isEqualTo(started.node());
    assertThat(finished.response()).contains("{\"result\": \"draft text\"}");
    assertThat(finished.outcome()).isEqualTo(new AttemptOutcome.Accepted(Map.of("draft", "draft text")));
    assertThat(finished.inputTokens()).isEqualTo(10);
    assertThat(finished.outputTokens()).isEqualTo(5);
    assertThat(finished.latency()).isPositive();
    assertThat(finished.retryIn()).isEmpty();
    RunEvent.NodeFinished node = run.of(RunEvent.NodeFinished.class).get(0);
    assertThat(node.updates()).isEqualTo(Map.of("draft", "draft text"));
  }

  @Test
  void theLastEventCarriesTheResult() {
    Harness.Outcome run = Harness.run(Harness.engine(TWO_STEPS, ownNames()), Map.of("topic", "tea"));

    assertThat(run.events().get(run.events().size() - 1))
        .isInstanceOfSatisfying(RunEvent.RunFinished.class, f -> assertThat(f.result()).isSameAs(run.result()));
    assertThat(run.outputs()).containsEntry("final", "polish text");
  }

  @Test
  void aListenerThatThrowsNeverFailsTheRun() {
    WorkflowEngine engine = Harness.engine(TWO_STEPS, ownNames());

    RunResult result =
        engine.run("r", engine.prepareInputs(Map.of("topic", "tea")), RunControl.create(), event -> {
          throw new IllegalStateException("broken listener");
        });

    assertThat(result).isInstanceOf(RunResult.Succeeded.class);
  }

  @Test
  void oneEngineRunsManyRunsConcurrently() throws Exception {
    WorkflowEngine engine =
        Harness.engine(TWO_STEPS, FakeLlmClient.answering(r -> "{\"result\": \"" + r.prompt() + "\"}").delayed(java.time.Duration.ofMillis(50)));

    List<java.util.concurrent.Future<RunResult>> runs;
    try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      runs =
          java.util.stream.IntStream.range(0, 200)
              .mapToObj(i -> threads.submit(() -> engine.run("r" + i, engine.prepareInputs(Map.of("topic", "t" + i)), RunControl.create(), RunListener.NONE)))
              .toList();
    }
    for (int i = 0; i < runs.size(); i++) {
      String expected = "Polish Draft t" + i + " x1";
      assertThat(runs.get(i).get())
          .isInstanceOfSatisfying(RunResult.Succeeded.class, s -> assertThat(s.outputs()).containsEntry("final", expected));
    }
  }
}
