package io.configurableagents.core.validate;

import io.configurableagents.core.model.SourceLocation;
import io.configurableagents.core.validate.WorkflowDraft.NodeDraft;
import java.util.HashMap;
import java.util.Map;

/** Node ids are unique (docs/workflow-format.md, "Nodes"). */
final class NodeIdRule implements Rule {
  @Override
  public void check(WorkflowDraft draft, Diagnostics out) {
    Map<String, NodeDraft> first = new HashMap<>();
    for (NodeDraft node : draft.nodes()) {
      NodeDraft earlier = first.putIfAbsent(node.id(), node);
      if (earlier != null) {
        SourceLocation earlierAt = draft.sources().value("nodes", earlier.index(), "id");
        out.error(draft.sources().value("nodes", node.index(), "id"),
            "duplicate node id \"" + node.id() + "\" (first at line " + earlierAt.line() + ")", "node ids must be unique; rename one");
      }
    }
  }
}
