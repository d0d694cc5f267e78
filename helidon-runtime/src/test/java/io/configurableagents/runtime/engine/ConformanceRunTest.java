package io.configurableagents.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.yaml.WorkflowLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file the conformance corpus says to accept runs end to end against a fake provider, with
 * its final state checked: here through a scripted in-process client, and in {@link
 * ConformanceOverHttpTest} through the real provider client against a fake provider server. The corpus is read from {@code ../shared/conformance} (the
 * {@code conformance.dir} property set by the build).
 */
class ConformanceRunTest {

  static final Path CORPUS =
      Path.of(System.getProperty("conformance.dir", "../../shared/conformance")).toAbsolutePath().normalize();

  static Workflow load(String file) {
    return WorkflowLoader.fromPath(CORPUS.resolve(file)).load();
  }

  /** Runs {@code file} with {@code inputs}, the model giving each node its answer in {@code answers}. */
  Harness.Outcome run(String file, Map<String, String> answers, Map<String, Object> inputs) {
    Workflow workflow = load(file);
    FakeLlmClient fake =
        FakeLlmClient.answering(
            request -> {
              String answer = answers.get(FakeLlmClient.nodeOf(request));
              if (answer == null) {
                throw new AssertionError("no scripted answer for node " + FakeLlmClient.nodeOf(request));
              }
              return answer;
            });
    WorkflowEngine engine = WorkflowEngine.create(workflow, Harness.OPTIONS, spec -> fake);
    return Harness.run(engine, inputs);
  }

  @Test
  void everyAcceptedFileOfTheCorpusIsCoveredHere() throws IOException {
    List<String> accepted;
    try (Stream<String> lines = Files.lines(CORPUS.resolve("expectations.tsv"))) {
      accepted =
          lines
              .filter(l -> !l.startsWith("#") && !l.isBlank())
              .map(l -> l.split("\t"))
              .filter(cols -> cols[1].equals("accept"))
              .map(cols -> cols[0])
              .toList();
    }

    assertThat(accepted)
        .containsExactlyInAnyOrder(
            "reference/echo.yaml",
            "reference/simple_workflow.yaml",
            "reference/article_writer.yaml",
            "reference/article_writer_mlflow.yaml",
            "reference/nested_state.yaml",
            "reference/memory_example.yaml",
            "reference/tools_example.yaml");
  }

  @Test
  void echo() {
    Harness.Outcome run =
        run("reference/echo.yaml", Map.of("echo", "{\"result\": \"Hello there\"}"), Map.of("message", "Hello there"));

    assertThat(run.outputs()).isEqualTo(ordered("message", "Hello there", "result", "Hello there"));
    assertThat(run.of(RunEvent.LlmAttemptStarted.class))
        .singleElement()
        .extracting(RunEvent.LlmAttemptStarted::prompt)
        .isEqualTo("Simply repeat this message exactly: Hello there");
  }

  @Test
  void simpleWorkflow() {
    Harness.Outcome run =
        run(
            "reference/simple_workflow.yaml",
            Map.of("greet", "{\"greeting\": \"Hello, Ada!\"}"),
            Map.of("name", "Ada"));

    assertThat(run.outputs()).isEqualTo(ordered("name", "Ada", "greeting", "Hello, Ada!"));
  }

  @Test
  void articleWriterAndItsMlflowVariant() {
    Map<String, String> answers =
        Map.of(
            "research", "{\"research\": \"Tea is grown in Asia.\"}",
            "write", "{\"article\": \"All about tea.\", \"word_count\": \"350\"}");
    for (String file : List.of("reference/article_writer.yaml", "reference/article_writer_mlflow.yaml")) {
      Harness.Outcome run = run(file, answers, Map.of("topic", "tea"));

      assertThat(run.outputs())
          .as(file)
          .isEqualTo(
              ordered(
                  "topic", "tea",
                  "research", "Tea is grown in Asia.",
                  "article", "All about tea.",
                  "word_count", 350L));
      assertThat(run.of(RunEvent.LlmAttemptStarted.class).get(1).prompt())
          .as(file)
          .startsWith("Based on this research about tea:\n\nTea is grown in Asia.\n\nWrite a well-structured article");
    }
  }

  @Test
  void nestedStateProducesAnObjectOutput() {
    Harness.Outcome run =
        run(
            "reference/nested_state.yaml",
            Map.of(
                "generate_profile",
                """
                {"profile": {"bio": "Ada likes maths.", "personality_traits": ["curious"],
                 "recommended_topics": ["engines", "poetry"], "engagement_score": "88", "unknown": 1}}
                """),
            Map.of("name", "Ada", "interests", List.of("maths", "poetry")));

    Map<String, Object> profile =
        ordered(
            "bio", "Ada likes maths.",
            "personality_traits", List.of("curious"),
            "recommended_topics", List.of("engines", "poetry"),
            "engagement_score", 88L);
    assertThat(run.outputs()).isEqualTo(ordered("name", "Ada", "interests", List.of("maths", "poetry"), "profile", profile));
    assertThat(run.of(RunEvent.LlmAttemptStarted.class).get(0).prompt())
        .startsWith("Create a user profile for Ada who is interested in: ['maths', 'poetry']\n");
  }

  @Test
  void memoryExampleRunsItsThreeNodesWithSimpleOutputs() {
    Harness.Outcome run =
        run(
            "reference/memory_example.yaml",
            Map.of(
                "greet", "{\"result\": \"Hi!\"}",
                "respond", "{\"result\": \"Here is help.\"}",
                "update_memory", "{\"result\": \"User asked for help.\"}"),
            Map.of("user_message", "Help me"));

    assertThat(run.nodesStarted()).containsExactly("greet", "respond", "update_memory");
    assertThat(run.outputs())
        .isEqualTo(
            ordered(
                "user_message", "Help me",
                "conversation_history", "",
                "greeting", "Hi!",
                "response", "Here is help.",
                "updated_context", "User asked for help."));
    assertThat(run.of(RunEvent.LlmAttemptStarted.class).get(1).prompt())
        .isEqualTo("User message: \"Help me\"\nGreeting: \"Hi!\"\n\nWrite a helpful response to the user.\n");
  }

  @Test
  void toolsExampleRunsWhenTheModelAnswersWithoutCallingTools() {
    Harness.Outcome run =
        run(
            "reference/tools_example.yaml",
            Map.of(
                "search_web", "{\"result\": \"results\"}",
                "scrape_content", "{\"result\": \"scraped\"}",
                "save_to_file", "{\"result\": \"saved\"}",
                "process_data", "{\"result\": \"summary\"}",
                "system_info", "{\"result\": \"report\"}"),
            Map.of("topic", "tea", "output_file", "/tmp/out.txt"));

    assertThat(run.outputs())
        .isEqualTo(
            ordered(
                "topic", "tea",
                "output_file", "/tmp/out.txt",
                "search_results", "results",
                "scraped_content", "scraped",
                "file_status", "saved",
                "data_summary", "summary",
                "final_report", "report"));
  }

  /** A map in the given key order (the result keeps declaration order). */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
