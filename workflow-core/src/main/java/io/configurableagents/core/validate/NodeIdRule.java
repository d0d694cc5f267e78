package io.configurableagents.core.validate;

import io.configurableagents.core.model.SourceLocation;
import io.configurableagents.core.validate.WorkflowDraft.NodeDraft;
import java.util.HashMap;
import java.util.Map;

/** Node ids are unique (B 5). */
final class NodeIdRule implements Rule {
  @Override
  public void check(WorkflowDraft draft, Diagnostics out) {
    Map<String, SourceLocation> first = new HashMap<>();
    for (NodeDraft node : draft.nodes()) {
      SourceLocation at = draft.sources().value("nodes", node.index(), "id");
      SourceLocation earlier = first.putIfAbsent(node.id(), at);
      if (earlier != null) {
        out.error(at, "duplicate node id \"" + node.id() + "\" (first at line " + earlier.line() + ")", "node ids must be unique; rename one");
      }
    }
  }
}
