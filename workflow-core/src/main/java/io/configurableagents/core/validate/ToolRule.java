package io.configurableagents.core.validate;

import io.configurableagents.core.model.ToolSpec;
import io.configurableagents.core.validate.WorkflowDraft.NodeDraft;
import java.util.Set;

/** Tool names come from the built-in registry (B 13.3); the reference found out only at run time. */
final class ToolRule implements Rule {
  /** The reference's built-in tools, case-sensitive. */
  static final Set<String> BUILT_IN =
      new java.util.LinkedHashSet<>(java.util.List.of(
          "serper_search", "web_search", "web_scrape", "http_client", "file_read", "file_write", "file_glob",
          "file_move", "sql_query", "dataframe_to_csv", "json_parse", "yaml_parse", "shell", "process", "env_vars"));

  @Override
  public void check(WorkflowDraft draft, Diagnostics out) {
    for (NodeDraft node : draft.nodes()) {
      for (ToolSpec tool : node.tools()) {
        if (!BUILT_IN.contains(tool.name())) {
          out.error(tool.location(), OutputRule.context(node) + ": unknown tool \"" + tool.name() + "\"",
              DidYouMean.closest(tool.name(), BUILT_IN).map(c -> "did you mean \"" + c + "\"?")
                  .orElse("known tools: " + String.join(", ", BUILT_IN)));
        }
      }
    }
  }
}
