package io.configurableagents.core.validate;

import io.configurableagents.core.model.EdgeSpec;
import io.configurableagents.core.validate.WorkflowDraft.EdgeDraft;
import io.configurableagents.core.validate.WorkflowDraft.NodeDraft;
import io.configurableagents.core.validate.WorkflowDraft.TargetRef;
import java.util.HashSet;
import java.util.Set;

/**
 * The graph's shape (docs/workflow-format.md, "Edges"): every node is reached from START and leads to END. Cycles
 * are allowed. Runs only when every edge was read and names known nodes, so that one broken edge
 * does not also show up as a dozen unreachable nodes.
 */
final class GraphRule implements Rule {
  @Override
  public void check(WorkflowDraft draft, Diagnostics out) {
    if (!draft.edgesComplete() || !referencesResolve(draft) || draft.edgesFrom(EdgeSpec.START).isEmpty()) {
      return;
    }
    Graph graph = new Graph(draft.edges());
    Set<String> reached = graph.reachableFrom(EdgeSpec.START);
    Set<String> leadToEnd = graph.reaching(EdgeSpec.END);
    Set<String> reported = new HashSet<>();
    for (NodeDraft node : draft.nodes()) {
      if (!reported.add(node.id()) || Graph.isPseudo(node.id())) {
        continue;
      }
      if (reached.contains(node.id()) && leadToEnd.contains(node.id())) {
        continue;
      }
      var at = draft.sources().value("nodes", node.index(), "id");
      if (!reached.contains(node.id())) {
        out.error(at, "node \"" + node.id() + "\" is never reached from START", "add an edge to it, or remove the node");
      } else if (graph.successors(node.id()).isEmpty()) {
        out.error(at, "node \"" + node.id() + "\" has no outgoing edge", "add {from: " + node.id() + ", to: END} or an edge to the next node");
      } else if (!leadToEnd.contains(node.id())) {
        out.error(at, "no path from node \"" + node.id() + "\" reaches END",
            "every path from it loops or stops at a node without edges; add an edge or route to END from it or from a node after it");
      }
    }
  }

  private static boolean referencesResolve(WorkflowDraft draft) {
    Set<String> ids = draft.nodeIds();
    for (EdgeDraft edge : draft.edges()) {
      if (!edge.from().equals(EdgeSpec.START) && !ids.contains(edge.from())) {
        return false;
      }
      for (TargetRef ref : edge.target().targets()) {
        if (!ref.node().equals(EdgeSpec.END) && !ids.contains(ref.node())) {
          return false;
        }
      }
    }
    return true;
  }
}
