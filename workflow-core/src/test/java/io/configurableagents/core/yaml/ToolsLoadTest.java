package io.configurableagents.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.model.NodeSpec;
import io.configurableagents.core.model.ToolSpec;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.validate.ValidationReport;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tools as the loader reads them: names, on_error, config, and the tool-round limits. */
class ToolsLoadTest {
  private static final String FILE =
      """
      schema_version: "1.0"
      flow: {name: researcher}
      state:
        fields:
          topic: {type: str, required: true}
          notes: {type: str, default: ""}
          summary: {type: str, default: ""}
      nodes:
        - id: research
          prompt: "Research {topic}"
          tools: [serper_search, {name: web_scrape, on_error: continue, config: {timeout: 5, max_result_chars: 2000}}]
          max_tool_rounds: 3
          outputs: [notes]
          output_schema: {type: str}
        - id: summarize
          prompt: "Summarize {notes}"
          tools: [json_parse]
          outputs: [summary]
          output_schema: {type: str}
      edges:
        - {from: START, to: research}
        - {from: research, to: summarize}
        - {from: summarize, to: END}
      config:
        execution: {max_tool_rounds: 5}
      """;

  @Test
  void toolsLoadWithTheirSettingsAndNoWarning() {
    ValidationReport report = WorkflowLoader.fromString("workflow.yaml", FILE).validate();
    assertThat(report.diagnostics()).isEmpty();
    Workflow wf = WorkflowLoader.fromString("workflow.yaml", FILE).load();
    NodeSpec research = wf.node("research").orElseThrow();
    assertThat(research.tools()).extracting(ToolSpec::name, ToolSpec::onError)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("serper_search", "fail"),
            org.assertj.core.groups.Tuple.tuple("web_scrape", "continue"));
    assertThat(research.tools().get(1).config()).isEqualTo(Map.of("timeout", 5L, "max_result_chars", 2000L));
    assertThat(research.maxToolRounds(wf.config().execution())).isEqualTo(3);
    assertThat(wf.node("summarize").orElseThrow().maxToolRounds(wf.config().execution())).isEqualTo(5);
  }

  @Test
  void maxToolRoundsDefaultsToEight() {
    Workflow wf = WorkflowLoader.fromString("workflow.yaml", FILE.replace("  execution: {max_tool_rounds: 5}", "  execution: {}")).load();
    assertThat(wf.node("summarize").orElseThrow().maxToolRounds(wf.config().execution())).isEqualTo(8);
  }
}
