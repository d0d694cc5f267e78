package io.configurableagents.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Conditional edges in both spellings: the reference's routes and the documented edge-level conditions. */
class ConditionalEdgesTest {

  private static final String HEAD =
      """
      schema_version: "1.0"
      flow: {name: review}
      state:
        fields:
          score: {type: int, required: true}
          verdict: {type: str, default: ""}
      nodes:
        - {id: judge, prompt: "Judge the score {state.score}", outputs: [verdict], output_schema: {type: str}}
        - {id: publish, prompt: "Publish", outputs: [verdict], output_schema: {type: str}}
        - {id: polish, prompt: "Polish", outputs: [verdict], output_schema: {type: str}}
        - {id: revise, prompt: "Revise", outputs: [verdict], output_schema: {type: str}}
      edges:
        - {from: START, to: judge}
        - {from: publish, to: END}
        - {from: polish, to: END}
        - {from: revise, to: END}
      """;

  private static final String ROUTES =
      HEAD
          + """
            - from: judge
              routes:
                - condition: {logic: "state.score >= 8"}
                  to: publish
                - condition: {logic: default}
                  to: revise
                - condition: {logic: "state.score >= 5"}
                  to: polish
          """;

  private static final String EDGE_CONDITIONS =
      HEAD
          + """
            - {from: judge, to: publish, condition: "{state.score} >= 8"}
            - {from: judge, to: revise}
            - {from: judge, to: polish, condition: "state.score >= 5 and state.score < 8"}
          """;

  /** Each node answers with its own id, so {@code verdict} says which node ran last. */
  private static FakeLlmClient ownNames() {
    return FakeLlmClient.answering(request -> "{\"result\": \"" + FakeLlmClient.nodeOf(request) + "\"}");
  }

  @ParameterizedTest(name = "score {0} takes the route to {1}")
  @CsvSource({"9, publish", "8, publish", "6, polish", "5, polish", "4, revise", "-1, revise"})
  void routesChooseTheFirstConditionThatHoldsElseTheDefault(int score, String chosen) {
    Harness.Outcome run = Harness.run(Harness.engine(ROUTES, ownNames()), Map.of("score", score));

    assertThat(run.nodesStarted()).containsExactly("judge", chosen);
    assertThat(run.outputs()).containsEntry("verdict", chosen);
  }

  @ParameterizedTest(name = "score {0} takes the edge to {1}")
  @CsvSource({"9, publish", "8, publish", "7, polish", "5, polish", "4, revise", "0, revise"})
  void edgeLevelConditionsAreTriedInFileOrderWithThePlainEdgeAsFallback(int score, String chosen) {
    Harness.Outcome run = Harness.run(Harness.engine(EDGE_CONDITIONS, ownNames()), Map.of("score", score));

    assertThat(run.nodesStarted()).containsExactly("judge", chosen);
    assertThat(run.outputs()).containsEntry("verdict", chosen);
  }

  @Test
  void theChoiceIsReportedWithTheConditionThatHeld() {
    Harness.Outcome run = Harness.run(Harness.engine(ROUTES, ownNames()), Map.of("score", 9));

    assertThat(run.of(RunEvent.RouteChosen.class))
        .singleElement()
        .satisfies(
            route -> {
              assertThat(route.from()).isEqualTo("judge");
              assertThat(route.step()).isEqualTo(1);
              assertThat(route.to()).containsExactly("publish");
              assertThat(route.reason()).isEqualTo("route condition \"state.score >= 8\" held");
              assertThat(route.failedConditions()).isEmpty();
            });
  }

  @Test
  void aConditionThatRaisesCountsAsFalseAndIsReported() {
    String yaml =
        HEAD
            + """
              - from: judge
                routes:
                  - condition: {logic: "state.verdict > 3"}
                    to: publish
                  - condition: {logic: "state.score < 0"}
                    to: polish
                  - condition: {logic: default}
                    to: revise
            """;

    Harness.Outcome run = Harness.run(Harness.engine(yaml, ownNames()), Map.of("score", 9));

    assertThat(run.nodesStarted()).containsExactly("judge", "revise");
    RunEvent.RouteChosen route = run.of(RunEvent.RouteChosen.class).get(0);
    assertThat(route.reason()).isEqualTo("no condition held: took the fallback");
    assertThat(route.failedConditions())
        .singleElement()
        .satisfies(f -> {
          assertThat(f.condition()).isEqualTo("state.verdict > 3");
          assertThat(f.message()).isNotBlank();
        });
  }

  @Test
  void conditionsReadTheStateTheNodeJustWrote() {
    String yaml =
        """
        schema_version: "1.0"
        flow: {name: gate}
        state:
          fields:
            topic: {type: str, required: true}
            approved: {type: bool, default: false}
            outcome: {type: str, default: ""}
        nodes:
          - {id: check, prompt: "Approve {state.topic}?", outputs: [approved], output_schema: {type: bool}}
          - {id: ship, prompt: "Ship", outputs: [outcome], output_schema: {type: str}}
          - {id: stop, prompt: "Stop", outputs: [outcome], output_schema: {type: str}}
        edges:
          - {from: START, to: check}
          - {from: check, to: ship, condition: "state.approved"}
          - {from: check, to: stop}
          - {from: ship, to: END}
          - {from: stop, to: END}
        """;
    FakeLlmClient fake =
        FakeLlmClient.answering(
            r -> FakeLlmClient.nodeOf(r).equals("check") ? "{\"result\": \"yes\"}" : "{\"result\": \"done\"}");

    Harness.Outcome run = Harness.run(Harness.engine(yaml, fake), Map.of("topic", "x"));

    assertThat(run.nodesStarted()).containsExactly("check", "ship");
    assertThat(run.outputs()).containsEntry("approved", true);
  }
}
