package io.configurableagents.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import io.configurableagents.core.model.NodeSpec;
import io.configurableagents.core.model.Workflow;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fan-out {@code to: [a, b]}: concurrent branches and the join node that runs once after all of them. */
class FanOutTest {

  private static final String LEFT2 =
      "  - {id: left2, prompt: \"More pros: {state.pros}\", outputs: [extra], output_schema: {type: str}}\n";

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

  /** The same without {@code left2}, for graphs that do not use it. */
  private static final String STATE_AND_FOUR_NODES = STATE_AND_NODES.replace(LEFT2, "");

  private static final String LIST_FORM =
      STATE_AND_FOUR_NODES
          + """
          edges:
            - {from: START, to: plan}
            - {from: plan, to: [left, right]}
            - {from: left, to: join}
            - {from: right, to: join}
            - {from: join, to: END}
          """;

  private static final String SEVERAL_EDGES_FORM =
      STATE_AND_FOUR_NODES
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
    // the validator rejects such a file; build the model past it to see that the engine holds too
    Workflow valid = Harness.load(LIST_FORM);
    NodeSpec right = valid.node("right").orElseThrow();
    NodeSpec clashing =
        new NodeSpec(
            right.id(), right.description(), right.inputs(), right.prompt(), right.output(), List.of("pros"),
            right.tools(), right.llm(), right.code(), right.location());
    Workflow workflow =
        new Workflow(
            valid.name(), valid.description(), valid.version(), valid.state(),
            valid.nodes().stream().map(n -> n.id().equals("right") ? clashing : n).toList(),
            valid.edges(), valid.config(), valid.fileName());
    FakeLlmClient fake = ownNames(Duration.ZERO);

    Harness.Outcome run = Harness.run(WorkflowEngine.create(workflow, Harness.OPTIONS, spec -> fake), Map.of("topic", "t"));

    assertThat(run.error().type()).isEqualTo(EngineError.BRANCH_CONFLICT);
    assertThat(run.error().message())
        .isEqualTo(
            "field \"pros\" was written by two branches of the fan-out after node \"plan\": by node \"left\" and by"
                + " node \"right\"; let only one branch write each field");
    assertThat(run.nodesStarted()).doesNotContain("join");
  }

  @Test
  void aFailingBranchAbandonsTheOtherAndFailsTheRun() {
    FakeLlmClient fake =
        FakeLlmClient.answering(
            r ->
                switch (FakeLlmClient.nodeOf(r)) {
                  case "left" -> {
                    pause(Duration.ofMillis(200)); // so that the other branch is waiting for its model
                    throw io.configurableagents.runtime.llm.ProviderFailures.http(401, "invalid api key");
                  }
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

  /** A workflow of nodes that each write a field of their own name, with the given edges. */
  private static String graph(String edges, String... nodes) {
    StringBuilder yaml = new StringBuilder("schema_version: \"1.0\"\nflow: {name: g}\nstate:\n  fields:\n");
    for (String n : nodes) {
      yaml.append("    ").append(n).append("_out: {type: str, default: \"\"}\n");
    }
    yaml.append("nodes:\n");
    for (String n : nodes) {
      yaml.append("  - {id: ").append(n).append(", prompt: \"").append(n).append("\", outputs: [")
          .append(n).append("_out], output_schema: {type: str}}\n");
    }
    return yaml.append("edges:\n").append(edges).toString();
  }

  @Test
  void aNestedFanOutJoinsWithTheEnclosingOne() {
    String yaml =
        graph(
            """
              - {from: START, to: f}
              - {from: f, to: [a, b]}
              - {from: a, to: [a1, a2]}
              - {from: a1, to: j}
              - {from: a2, to: j}
              - {from: b, to: j}
              - {from: j, to: END}
            """,
            "f", "a", "b", "a1", "a2", "j");

    Harness.Outcome run = Harness.run(Harness.engine(yaml, ownNames(Duration.ofMillis(20))), Map.of());

    assertThat(run.nodesStarted()).containsExactlyInAnyOrder("f", "a", "b", "a1", "a2", "j");
    assertThat(run.nodesStarted()).last().isEqualTo("j");
    assertThat(run.outputs()).containsEntry("a1_out", "a1").containsEntry("a2_out", "a2").containsEntry("b_out", "b");
  }

  @Test
  void branchesMeetingAtDifferentJoinsRunEachJoinOnce() {
    String yaml =
        graph(
            """
              - {from: START, to: f}
              - {from: f, to: [a, b, c]}
              - {from: a, to: j1}
              - {from: b, to: j1}
              - {from: c, to: j2}
              - {from: j1, to: j2}
              - {from: j2, to: END}
            """,
            "f", "a", "b", "c", "j1", "j2");

    Harness.Outcome run = Harness.run(Harness.engine(yaml, ownNames(Duration.ofMillis(20))), Map.of());

    assertThat(run.nodesStarted()).containsExactlyInAnyOrder("f", "a", "b", "c", "j1", "j2");
    List<String> order = run.nodesStarted();
    assertThat(order.indexOf("j1")).isGreaterThan(order.indexOf("a")).isGreaterThan(order.indexOf("b"));
    assertThat(order).last().isEqualTo("j2");
  }

  @Test
  void aFanOutInsideACycleJoinsOnEveryPass() {
    String yaml =
        graph(
            """
              - {from: START, to: f}
              - {from: f, to: [a, b]}
              - {from: a, to: j}
              - {from: b, to: j}
              - from: j
                routes:
                  - condition: {logic: "state.j_out == 'again'"}
                    to: f
                  - condition: {logic: default}
                    to: END
            """,
            "f", "a", "b", "j");

    AtomicInteger joins = new AtomicInteger();
    FakeLlmClient fake =
        FakeLlmClient.answering(
            r -> {
              String node = FakeLlmClient.nodeOf(r);
              boolean again = node.equals("j") && joins.incrementAndGet() == 1;
              return "{\"result\": \"" + (again ? "again" : node) + "\"}";
            });

    Harness.Outcome run = Harness.run(Harness.engine(yaml, fake), Map.of());

    assertThat(run.nodesStarted()).hasSize(8);
    assertThat(run.nodesStarted()).filteredOn("j"::equals).hasSize(2);
    assertThat(run.nodesStarted().subList(0, 4)).containsExactlyInAnyOrder("f", "a", "b", "j").endsWith("j");
  }

  @Test
  void aBranchThatIsItselfTheJoinWaitsForTheOthers() {
    String yaml =
        graph(
            """
              - {from: START, to: f}
              - {from: f, to: [a, j]}
              - {from: a, to: j}
              - {from: j, to: END}
            """,
            "f", "a", "j");

    Harness.Outcome run = Harness.run(Harness.engine(yaml, ownNames(Duration.ZERO)), Map.of());

    assertThat(run.nodesStarted()).containsExactly("f", "a", "j");
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
