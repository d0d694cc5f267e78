package io.configurableagents.core.validate;

import io.configurableagents.core.model.BuiltInTool;
import io.configurableagents.core.model.ToolSpec;
import io.configurableagents.core.validate.WorkflowDraft.NodeDraft;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tool names come from the built-in registry (docs/tools.md, "The tools"; {@link BuiltInTool}); the reference found
 * out only at run time. A node lists each tool once (the model calls tools by name).
 */
final class ToolRule implements Rule {
  @Override
  public void check(WorkflowDraft draft, Diagnostics out) {
    List<String> known = BuiltInTool.ids();
    for (NodeDraft node : draft.nodes()) {
      Set<String> seen = new HashSet<>();
      for (ToolSpec tool : node.tools()) {
        if (BuiltInTool.fromId(tool.name()).isEmpty()) {
          out.error(tool.location(), OutputRule.context(node) + ": unknown tool \"" + tool.name() + "\"",
              DidYouMean.closest(tool.name(), known).map(c -> "did you mean \"" + c + "\"?")
                  .orElse("known tools: " + String.join(", ", known)));
        } else if (!seen.add(tool.name())) {
          out.error(tool.location(), OutputRule.context(node) + ": tool \"" + tool.name() + "\" is listed twice",
              "list each tool once");
        }
      }
    }
  }
}
