package io.configurableagents.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.yaml.WorkflowLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document the runtime serves passes Redocly CLI's recommended rules with no error,
 * open and with API keys (the linter prints its warnings in the test's output).
 */
class OpenApiLintTest {
  private static final String WORKFLOW =
      """
      schema_version: "1.0"
      flow:
        name: article-writer
        version: "2.0.0"
        description: Researches a topic and writes an article
      state:
        fields:
          topic: {type: str, required: true, description: What to write about}
          tags: {type: "list[str]", default: []}
          article: {type: str, default: ""}
          score: {type: float, default: 0.0}
      nodes:
        - id: write
          prompt: "Write about {state.topic}"
          outputs: [article, score]
          output_schema:
            type: object
            fields:
              - {name: article, type: str}
              - {name: score, type: float}
      edges:
        - {from: START, to: write}
        - {from: write, to: END}
      config:
        llm: {provider: openai, model: gpt-4o-mini}
      """;

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void theServedDocumentPassesRedoclysRecommendedRules(boolean keysRequired) throws IOException, InterruptedException {
    Workflow workflow = WorkflowLoader.fromString("workflow.yaml", WORKFLOW).load();
    ApiKeys keys = keysRequired ? ApiKeys.of(List.of("a-key")) : ApiKeys.NONE;
    Path document = Files.write(dir.resolve("openapi.yaml"), OpenApiTexts.of(workflow, keys).yaml());

    RedoclyCli.Result result = RedoclyCli.installed().lint(document);

    System.out.println(result.output());
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("Woohoo! Your API description is valid.");
  }
}
