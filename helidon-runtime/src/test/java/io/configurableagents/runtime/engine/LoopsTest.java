package io.configurableagents.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loop edges with a kept counter, and cycles written with routes. */
class LoopsTest {

  private static String refineLoop(int maxIterations) {
    return """
        schema_version: "1.0"
        flow: {name: refine}
        state:
          fields:
            topic: {type: str, required: true}
            draft: {type: str, default: ""}
            done: {type: bool, default: false}
            summary: {type: str, default: ""}
        nodes:
          - id: refine
            prompt: "Iteration {_loop_iteration_refine}: improve the draft about {state.topic}: {state.draft}"
            outputs: [draft, done]
            output_schema:
              type: object
              fields:
                - {name: draft, type: str}
                - {name: done, type: bool}
          - {id: summarize, prompt: "Summarize {state.draft}", outputs: [summary], output_schema: {type: str}}
        edges:
          - {from: START, to: refine}
          - from: refine
            loop: {condition_field: done, max_iterations: %d, exit_to: summarize}
          - {from: summarize, to: END}
        """
        .formatted(maxIterations);
  }

  /** {@code refine} says it is done on its {@code doneAt}-th run (0: never). */
  private static FakeLlmClient refiner(int doneAt) {
    return FakeLlmClient.answering(
        request -> {
          if (!FakeLlmClient.nodeOf(request).equals("refine")) {
            return "{\"result\": \"" + request.prompt().split(" ")[0].toLowerCase(java.util.Locale.ROOT) + "\"}";
          }
          int iteration = Integer.parseInt(request.prompt().replaceAll("^Iteration (\\d+):.*", "$1"));
          return "{\"draft\": \"draft " + iteration + "\", \"done\": " + (iteration == doneAt) + "}";
        });
  }

  @ParameterizedTest(name = "max_iterations {0}, done at run {1}: refine runs {2} times")
  @CsvSource({
    "5, 2, 2", // stops at the condition
    "5, 1, 1",
    "5, 5, 5",
    "3, 0, 3", // stops at the limit
    "1, 0, 1",
    "3, 7, 3"
  })
  void aLoopRunsItsNodeUntilTheConditionHoldsOrMaxIterationsTimes(int max, int doneAt, int runs) {
    FakeLlmClient fake = refiner(doneAt);

    Harness.Outcome run = Harness.run(Harness.engine(refineLoop(max), fake), Map.of("topic", "tea"));

    assertThat(run.nodesStarted()).filteredOn("refine"::equals).hasSize(runs);
    assertThat(run.nodesStarted()).last().isEqualTo("summarize");
    assertThat(run.outputs()).containsEntry("draft", "draft " + runs).containsEntry("summary", "summarize");
  }

  @Test
  void theIterationCounterIsVisibleToPromptsAndEvents() {
    FakeLlmClient fake = refiner(3);

    Harness.Outcome run = Harness.run(Harness.engine(refineLoop(5), fake), Map.of("topic", "tea"));

    assertThat(fake.promptsFor("refine"))
        .containsExactly(
            "Iteration 1: improve the draft about tea: ",
            "Iteration 2: improve the draft about tea: draft 1",
            "Iteration 3: improve the draft about tea: draft 2");
    assertThat(run.of(RunEvent.NodeStarted.class))
        .filteredOn(e -> e.node().nodeId().equals("refine"))
        .extracting(e -> e.node().iteration())
        .containsExactly(1, 2, 3);
  }

  @Test
  void eachLoopDecisionIsReported() {
    Harness.Outcome run = Harness.run(Harness.engine(refineLoop(2), refiner(0)), Map.of("topic", "tea"));

    assertThat(run.of(RunEvent.RouteChosen.class))
        .extracting(RunEvent.RouteChosen::reason)
        .containsExactly("done is false: iteration 2 of at most 2", "max_iterations (2) reached: leaving the loop");
  }

  @Test
  void theCounterIsNotPartOfTheResult() {
    Harness.Outcome run = Harness.run(Harness.engine(refineLoop(2), refiner(1)), Map.of("topic", "tea"));

    assertThat(run.outputs()).containsOnlyKeys("topic", "draft", "done", "summary");
  }

  @ParameterizedTest(name = "done at run {0}: {1}")
  @CsvSource({"1, short", "2, short", "3, long", "0, long"})
  void theCounterIsReadableInConditionsAfterTheLoop(int doneAt, String chosen) {
    String yaml =
        refineLoop(4)
            .replace(
                "  - {from: summarize, to: END}\n",
                """
                  - from: summarize
                    routes:
                      - condition: {logic: "state._loop_iteration_refine >= 3"}
                        to: long
                      - condition: {logic: default}
                        to: short
                  - {from: long, to: END}
                  - {from: short, to: END}
                """)
            .replace(
                "edges:\n",
                """
                  - {id: long, prompt: "Long {_loop_iteration_refine}", outputs: [summary], output_schema: {type: str}}
                  - {id: short, prompt: "Short", outputs: [summary], output_schema: {type: str}}
                edges:
                """);

    Harness.Outcome run = Harness.run(Harness.engine(yaml, refiner(doneAt)), Map.of("topic", "tea"));

    assertThat(run.nodesStarted()).last().isEqualTo(chosen);
    assertThat(run.outputs()).containsEntry("summary", chosen);
  }
}
