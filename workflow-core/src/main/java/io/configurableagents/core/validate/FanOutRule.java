package io.configurableagents.core.validate;

import io.configurableagents.core.model.EdgeSpec;
import io.configurableagents.core.validate.WorkflowDraft.EdgeDraft;
import io.configurableagents.core.validate.WorkflowDraft.FanOut;
import io.configurableagents.core.validate.WorkflowDraft.NodeDraft;
import io.configurableagents.core.validate.WorkflowDraft.TargetRef;
import io.configurableagents.core.validate.WorkflowDraft.To;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Branches of a fan-out ({@code to: [a, b]}, or several unconditional edges from one node) run
 * concurrently, so two of them must not write the same state field (docs/workflow-format.md, "Edges"). A branch is what its
 * first node reaches before it meets another branch (the join and what follows are shared).
 */
final class FanOutRule implements Rule {
  @Override
  public void check(WorkflowDraft draft, Diagnostics out) {
    Graph graph = new Graph(draft.edges());
    Set<String> sources = new LinkedHashSet<>();
    draft.edges().forEach(e -> sources.add(e.from()));
    for (String from : sources) {
      List<String> branches = branchStarts(draft.edgesFrom(from));
      if (branches.size() >= 2) {
        checkBranches(draft, graph, from, branches, out);
      }
    }
  }

  /** The distinct first nodes of the branches, when all edges from the node are unconditional. */
  private static List<String> branchStarts(List<EdgeDraft> edges) {
    Set<String> starts = new LinkedHashSet<>();
    for (EdgeDraft edge : edges) {
      if (!(edge.target() instanceof To) && !(edge.target() instanceof FanOut)) {
        return List.of();
      }
      for (TargetRef ref : edge.target().targets()) {
        if (!Graph.isPseudo(ref.node())) {
          starts.add(ref.node());
        }
      }
    }
    return new ArrayList<>(starts);
  }

  private static void checkBranches(WorkflowDraft draft, Graph graph, String from, List<String> starts, Diagnostics out) {
    List<Set<String>> reach = starts.stream().map(graph::reachableFrom).toList();
    List<Map<String, NodeDraft>> writers = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      Set<String> own = new HashSet<>(reach.get(i));
      for (int j = 0; j < starts.size(); j++) {
        if (j != i) {
          own.removeAll(reach.get(j));
        }
      }
      writers.add(writersIn(draft, own));
    }
    for (int i = 0; i < starts.size(); i++) {
      for (int j = i + 1; j < starts.size(); j++) {
        for (Map.Entry<String, NodeDraft> write : writers.get(j).entrySet()) {
          NodeDraft first = writers.get(i).get(write.getKey());
          if (first != null) {
            report(draft, from, write.getKey(), first, write.getValue(), out);
          }
        }
      }
    }
  }

  private static Map<String, NodeDraft> writersIn(WorkflowDraft draft, Set<String> nodes) {
    Map<String, NodeDraft> writers = new LinkedHashMap<>();
    for (NodeDraft node : draft.nodes()) {
      if (nodes.contains(node.id())) {
        node.outputs().forEach(o -> writers.putIfAbsent(o, node));
      }
    }
    return writers;
  }

  private static void report(WorkflowDraft draft, String from, String field, NodeDraft a, NodeDraft b, Diagnostics out) {
    int k = b.outputs().indexOf(field);
    String origin = from.equals(EdgeSpec.START) ? "START" : "\"" + from + "\"";
    out.error(draft.sources().value("nodes", b.index(), "outputs", k),
        "nodes \"" + a.id() + "\" and \"" + b.id() + "\" run in parallel branches (fan-out from " + origin + ") and both write \"" + field + "\"",
        "let one branch write it, or write to different fields");
  }
}
