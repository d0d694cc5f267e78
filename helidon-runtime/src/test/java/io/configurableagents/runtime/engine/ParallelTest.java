package io.configurableagents.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The per-item {@code parallel} map. */
class ParallelTest {

  private static final String SIMPLE_OUTPUT =
      """
      schema_version: "1.0"
      flow: {name: notes}
      state:
        fields:
          topics: {type: "list[str]", required: true}
          notes: {type: "list[str]", default: []}
          report: {type: str, default: ""}
      nodes:
        - {id: plan, prompt: "Plan notes on {state.topics}", outputs: [report], output_schema: {type: str}}
        - {id: note, prompt: "Note {_parallel_index} on {_parallel_item}", outputs: [report], output_schema: {type: str}}
        - {id: report, prompt: "Report on {state.notes}", outputs: [report], output_schema: {type: str}}
      edges:
        - {from: START, to: plan}
        - from: plan
          parallel: {items_field: topics, target_node: note, collect_field: notes}
        - {from: note, to: report}
        - {from: report, to: END}
      """;

  /** Answers {@code note} with the item it was given, after a random pause (to shuffle completion order). */
  private static FakeLlmClient echoingItems() {
    return FakeLlmClient.answering(
        request -> {
          String node = FakeLlmClient.nodeOf(request);
          if (!node.equals("note")) {
            return "{\"result\": \"" + node + "\"}";
          }
          sleepUpTo(20);
          return "{\"result\": \"" + request.prompt().replaceAll("^Note (\\d+) on (.*)$", "$2#$1") + "\"}";
        });
  }

  @ParameterizedTest(name = "{0} items")
  @ValueSource(ints = {0, 1, 50})
  void theTargetRunsOncePerItemAndResultsAreCollectedInItemOrder(int items) {
    List<String> topics = IntStream.range(0, items).mapToObj(i -> "topic" + i).toList();
    FakeLlmClient fake = echoingItems();

    Harness.Outcome run = Harness.run(Harness.engine(SIMPLE_OUTPUT, fake), Map.of("topics", topics));

    List<String> expected = IntStream.range(0, items).mapToObj(i -> "topic" + i + "#" + i).toList();
    assertThat(run.outputs()).containsEntry("notes", expected).containsEntry("report", "report");
    assertThat(run.nodesStarted()).filteredOn("note"::equals).hasSize(items);
    assertThat(run.nodesStarted()).first().isEqualTo("plan");
    assertThat(run.nodesStarted()).last().isEqualTo("report");
    assertThat(fake.promptsFor("report")).containsExactly("Report on " + pyList(expected));
  }

  @Test
  void fiftyItemsRunConcurrently() {
    List<String> topics = IntStream.range(0, 50).mapToObj(i -> "t" + i).toList();
    FakeLlmClient fake =
        FakeLlmClient.answering(r -> "{\"result\": \"x\"}").delayed(java.time.Duration.ofMillis(200));

    long start = System.nanoTime();
    Harness.Outcome run = Harness.run(Harness.engine(SIMPLE_OUTPUT, fake), Map.of("topics", topics));

    assertThat(run.result()).isInstanceOf(RunResult.Succeeded.class);
    assertThat(fake.maxInFlight()).isEqualTo(50);
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(5));
  }

  @Test
  void itemEventsCarryTheirIndexAndShareOneIteration() {
    Harness.Outcome run = Harness.run(Harness.engine(SIMPLE_OUTPUT, echoingItems()), Map.of("topics", List.of("a", "b", "c")));

    List<NodeExecution> items =
        run.of(RunEvent.NodeStarted.class).stream().map(RunEvent.NodeStarted::node).filter(n -> n.nodeId().equals("note")).toList();
    assertThat(items).extracting(n -> n.item().getAsInt()).containsExactlyInAnyOrder(0, 1, 2);
    assertThat(items).extracting(NodeExecution::iteration).containsOnly(1);
    assertThat(items).extracting(NodeExecution::step).doesNotHaveDuplicates();
  }

  @Test
  void objectOutputsAreCollectedAsMapsAndOtherWritesAreNotMerged() {
    String yaml =
        """
        schema_version: "1.0"
        flow: {name: scores}
        state:
          fields:
            names: {type: "list[str]", required: true}
            scored: {type: list, default: []}
            name: {type: str, default: "unchanged"}
            score: {type: int, default: 0}
        nodes:
          - id: rate
            prompt: "Rate {_parallel_item}"
            outputs: [name, score]
            output_schema:
              type: object
              fields:
                - {name: name, type: str}
                - {name: score, type: int}
        edges:
          - from: START
            parallel: {items_field: names, target_node: rate, collect_field: scored}
          - {from: rate, to: END}
        """;
    FakeLlmClient fake =
        FakeLlmClient.answering(r -> {
          String name = r.prompt().substring("Rate ".length());
          return "{\"name\": \"" + name + "\", \"score\": \"" + name.length() + "\"}";
        });

    Harness.Outcome run = Harness.run(Harness.engine(yaml, fake), Map.of("names", List.of("ann", "bo")));

    Map<String, Object> ann = new LinkedHashMap<>();
    ann.put("name", "ann");
    ann.put("score", 3L);
    Map<String, Object> bo = new LinkedHashMap<>();
    bo.put("name", "bo");
    bo.put("score", 2L);
    assertThat(run.outputs())
        .containsEntry("scored", List.of(ann, bo))
        .containsEntry("name", "unchanged")
        .containsEntry("score", 0L);
  }

  @Test
  void resultsAreAppendedToWhatTheCollectFieldHeld() {
    Harness.Outcome run =
        Harness.run(
            Harness.engine(SIMPLE_OUTPUT, echoingItems()),
            Map.of("topics", List.of("x"), "notes", List.of("earlier")));

    assertThat(run.outputs()).containsEntry("notes", List.of("earlier", "x#0"));
  }

  @Test
  void aFailingItemFailsTheRunAndNothingRunsAfterIt() {
    FakeLlmClient fake =
        FakeLlmClient.answering(r -> r.prompt().startsWith("Note 1") ? "{\"result\": 42}" : "{\"result\": \"ok\"}");

    Harness.Outcome run =
        Harness.run(Harness.engine(SIMPLE_OUTPUT, fake), Map.of("topics", List.of("good", "bad", "good")));

    assertThat(run.error().type()).isEqualTo(EngineError.INVALID_OUTPUT);
    assertThat(run.error().node()).contains("note");
    assertThat(run.nodesStarted()).doesNotContain("report");
  }

  private static String pyList(List<String> values) {
    List<String> quoted = new ArrayList<>();
    values.forEach(v -> quoted.add("'" + v + "'"));
    return "[" + String.join(", ", quoted) + "]";
  }

  private static void sleepUpTo(int millis) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(millis + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
