package io.configurableagents.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fan-out {@code to: [a, b]}: concurrent branches and the join node that runs once after all of them. */
class FanOutTest {

  private static final String STATE_AND_NODES =
      """
      schema_version: "1.0"
      flow: {name: fan}
      state:
        fields:
          topic: {type: str, required: true}
          plan: {type: str, default: ""}
          pros: {type: str, default: ""}
          cons: {type: str, default: ""}
          extra: {type: str, default: ""}
          verdict: {type: str, default: ""}
      nodes:
        - {id: plan, prompt: "Plan {state.topic}", outputs: [plan], output_schema: {type: str}}
        - {id: left, prompt: "Pros of {state.plan}", outputs: [pros], output_schema: {type: str}}
        - {id: left2, prompt: "More pros: {state.pros}", outputs: [extra], output_schema: {type: str}}
        - {id: right, prompt: "Cons of {state.plan}", outputs: [cons], output_schema: {type: str}}
        - {id: join, prompt: "Weigh {state.pros} / {state.extra} against {state.cons}", outputs: [verdict], output_schema: {type: str}}
      """;

  private static final String LIST_FORM =
      STATE_AND_NODES
          + """
          edges:
            - {from: START, to: plan}
            - {from: plan, to: [left, right]}
            - {from: left, to: join}
            - {from: right, to: join}
            - {from: join, to: END}
          """;

  private static final String SEVERAL_EDGES_FORM =
      STATE_AND_NODES
          + """
          edges:
            - {from: START, to: plan}
            - {from: plan, to: left}
            - {from: plan, to: right}
            - {from: left, to: join}
            - {from: right, to: join}
            - {from: join, to: END}
          """;

  private static final String UNEVEN_BRANCHES =
      STATE_AND_NODES
          + """
          edges:
            - {from: START, to: plan}
            - {from: plan, to: [left, right]}
            - {from: left, to: left2}
            - {from: left2, to: join}
            - {from: right, to: join}
            - {from: join, to: END}
          """;

  /** Each node answers with its id, after {@code delay}. */
  private static FakeLlmClient ownNames(Duration delay) {
    return FakeLlmClient.answering(r -> "{\"result\": \"" + FakeLlmClient.nodeOf(r) + "\"}").delayed(delay);
  }

  @ParameterizedTest
  @ValueSource(strings = {"list", "several edges"})
  void branchesRunConcurrentlyAndTheJoinRunsOnceAfterBoth(String form) {
    String yaml = form.equals("list") ? LIST_FORM : SEVERAL_EDGES_FORM;
    FakeLlmClient fake = ownNames(Duration.ofMillis(300));

    Harness.Outcome run = Harness.run(Harness.engine(yaml, fake), Map.of("topic", "tea"));

    assertThat(fake.maxInFlight()).isEqualTo(2);
    assertThat(run.nodesStarted()).containsExactlyInAnyOrder("plan", "left", "right", "join");
    assertThat(run.nodesStarted()).first().isEqualTo("plan");
    assertThat(run.nodesStarted()).last().isEqualTo("join");
    assertThat(fake.promptsFor("join")).containsExactly("Weigh left /  against right");
    assertThat(run.outputs())
        .containsEntry("pros", "left")
        .containsEntry("cons", "right")
        .containsEntry("verdict", "join");
  }

  @Test
  void theJoinWaitsForTheLongerBranch() {
    FakeLlmClient fake = ownNames(Duration.ofMillis(50));

    Harness.Outcome run = Harness.run(Harness.engine(UNEVEN_BRANCHES, fake), Map.of("topic", "tea"));

    assertThat(run.nodesStarted()).filteredOn("join"::equals).hasSize(1);
    int joinStarts = run.indexOf(e -> e instanceof RunEvent.NodeStarted s && s.node().nodeId().equals("join"));
    int left2Ends = run.indexOf(e -> e instanceof RunEvent.NodeFinished f && f.node().nodeId().equals("left2"));
    int rightEnds = run.indexOf(e -> e instanceof RunEvent.NodeFinished f && f.node().nodeId().equals("right"));
    assertThat(joinStarts).isGreaterThan(left2Ends).isGreaterThan(rightEnds);
    assertThat(fake.promptsFor("join")).containsExactly("Weigh left / left2 against right");
  }

  @Test
  void branchesThatEndAtEndNeedNoJoin() {
    String yaml =
        STATE_AND_NODES
            + """
            edges:
              - {from: START, to: plan}
              - {from: plan, to: [left, right, join]}
              - {from: left, to: END}
              - {from: right, to: left2}
              - {from: left2, to: END}
              - {from: join, to: END}
            """;
    FakeLlmClient fake = ownNames(Duration.ZERO);

    Harness.Outcome run = Harness.run(Harness.engine(yaml, fake), Map.of("topic", "tea"));

    assertThat(run.nodesStarted()).containsExactlyInAnyOrder("plan", "left", "right", "left2", "join");
    assertThat(run.outputs())
        .containsEntry("pros", "left")
        .containsEntry("cons", "right")
        .containsEntry("extra", "left2")
        .containsEntry("verdict", "join");
  }

  @Test
  void twoBranchesWritingOneFieldFailTheRunNamingBothNodes() {
    String yaml =
        """
        schema_version: "1.0"
        flow: {name: clash}
        state:
          fields:
            note: {type: str, default: ""}
        nodes:
          - {id: start, prompt: "Start", outputs: [note], output_schema: {type: str}}
          - {id: a, prompt: "A", outputs: [note], output_schema: {type: str}}
          - {id: b, prompt: "B", outputs: [note], output_schema: {type: str}}
          - {id: join, prompt: "Join {state.note}", outputs: [note], output_schema: {type: str}}
        edges:
          - {from: START, to: start}
          - {from: start, to: [a, b]}
          - {from: a, to: join}
          - {from: b, to: join}
          - {from: join, to: END}
        """;

    Harness.Outcome run = Harness.run(Harness.engine(yaml, ownNames(Duration.ZERO)), Map.of());

    assertThat(run.error().type()).isEqualTo(EngineError.BRANCH_CONFLICT);
    assertThat(run.error().message())
        .isEqualTo(
            "field \"note\" was written by two branches of the fan-out after node \"start\": by node \"a\" and by"
                + " node \"b\"; let only one branch write each field");
    assertThat(run.nodesStarted()).doesNotContain("join");
  }

  @Test
  void aFailingBranchAbandonsTheOtherAndFailsTheRun() {
    FakeLlmClient fake =
        FakeLlmClient.answering(
            r ->
                switch (FakeLlmClient.nodeOf(r)) {
                  case "left" -> throw io.configurableagents.runtime.llm.ProviderFailures.http(401, "invalid api key");
                  case "right" -> FakeLlmClient.stall().apply(r);
                  default -> "{\"result\": \"x\"}";
                });

    long start = System.nanoTime();
    Harness.Outcome run = Harness.run(Harness.engine(LIST_FORM, fake), Map.of("topic", "tea"));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(run.error().type()).isEqualTo(EngineError.PROVIDER_ERROR);
    assertThat(run.error().node()).contains("left");
    assertThat(run.of(RunEvent.NodeFailed.class))
        .extracting(e -> e.node().nodeId() + ": " + e.error().type())
        .containsExactlyInAnyOrder("left: PROVIDER_ERROR", "right: ABANDONED");
    assertThat(run.nodesStarted()).doesNotContain("join");
  }
}
