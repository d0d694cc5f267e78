package io.configurableagents.core.validate;

import io.configurableagents.core.model.EdgeSpec;
import io.configurableagents.core.model.SourceLocation;
import io.configurableagents.core.validate.WorkflowDraft.EdgeDraft;
import io.configurableagents.core.validate.WorkflowDraft.FanOut;
import io.configurableagents.core.validate.WorkflowDraft.Loop;
import io.configurableagents.core.validate.WorkflowDraft.Parallel;
import io.configurableagents.core.validate.WorkflowDraft.Routes;
import io.configurableagents.core.validate.WorkflowDraft.TargetRef;
import io.configurableagents.core.validate.WorkflowDraft.To;
import io.configurableagents.core.validate.WorkflowDraft.When;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the edges leaving one node combine (docs/workflow-format.md, "Edges"): START has exactly one entry; a {@code routes},
 * {@code loop} or {@code parallel} edge is its node's only one; conditional edges have at most one
 * unconditional fallback (and a warning when there is none); several unconditional edges are a
 * fan-out.
 */
final class OutgoingEdgesRule implements Rule {
  @Override
  public void check(WorkflowDraft draft, Diagnostics out) {
    Map<String, List<EdgeDraft>> byNode = new LinkedHashMap<>();
    for (EdgeDraft edge : draft.edges()) {
      byNode.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(edge);
    }
    checkStart(draft, byNode.getOrDefault(EdgeSpec.START, List.of()), out);
    byNode.forEach((node, edges) -> {
      if (!Graph.isPseudo(node)) {
        checkNode(draft, node, edges, out);
      }
    });
  }

  private static void checkStart(WorkflowDraft draft, List<EdgeDraft> edges, Diagnostics out) {
    if (edges.isEmpty()) {
      if (draft.edgesComplete()) {
        out.error(draft.sources().key("edges"), "no edge from START, so the run has no first node",
            "add {from: START, to: <first node>}");
      }
      return;
    }
    for (EdgeDraft extra : edges.subList(1, edges.size())) {
      out.error(fromAt(draft, extra), "START has more than one edge",
          "START leads to one entry; to begin with several branches at once write {from: START, to: [a, b]}");
    }
    EdgeDraft first = edges.get(0);
    if (first.target() instanceof Routes || first.target() instanceof When || first.target() instanceof Loop) {
      out.error(fromAt(draft, first), "the edge from START cannot be conditional or a loop",
          "begin with {from: START, to: <first node>} and branch after it");
    }
  }

  private static void checkNode(WorkflowDraft draft, String node, List<EdgeDraft> edges, Diagnostics out) {
    EdgeDraft exclusive = edges.stream().filter(OutgoingEdgesRule::isExclusive).findFirst().orElse(null);
    if (exclusive != null && edges.size() > 1) {
      EdgeDraft other = edges.get(0) == exclusive ? edges.get(1) : edges.get(0);
      EdgeDraft later = other.index() > exclusive.index() ? other : exclusive;
      out.error(fromAt(draft, later), "node \"" + node + "\" has " + edges.size() + " outgoing edges, but its "
          + kind(exclusive) + " edge (edges[" + exclusive.index() + "]) must be its only one", exclusiveHint(exclusive));
      return;
    }
    List<EdgeDraft> whens = edges.stream().filter(e -> e.target() instanceof When).toList();
    if (whens.isEmpty()) {
      warnDuplicateTargets(draft, node, edges, out);
      return;
    }
    List<EdgeDraft> fallbacks = edges.stream().filter(e -> e.target() instanceof To).toList();
    edges.stream().filter(e -> e.target() instanceof FanOut).forEach(e -> out.error(draft.sources().value("edges", e.index(), "to"),
        "node \"" + node + "\" has conditional edges, so its other edge cannot be a fan-out (to: [...])",
        "keep one unconditional edge to a single node as the fallback"));
    for (EdgeDraft extra : fallbacks.subList(Math.min(1, fallbacks.size()), fallbacks.size())) {
      out.error(fromAt(draft, extra), "node \"" + node + "\" has conditional edges and more than one edge without condition",
          "keep one edge without condition: it is the fallback when no condition holds");
    }
    if (fallbacks.isEmpty() && edges.stream().noneMatch(e -> e.target() instanceof FanOut)) {
      EdgeDraft last = whens.get(whens.size() - 1);
      out.warning(draft.sources().value("edges", last.index(), "condition"),
          "when none of the conditions of the edges from \"" + node + "\" holds, the run ends after \"" + node + "\"",
          "add {from: " + node + ", to: ...} without condition as the fallback (to: END to end there on purpose)");
    }
  }

  private static void warnDuplicateTargets(WorkflowDraft draft, String node, List<EdgeDraft> edges, Diagnostics out) {
    Set<String> seen = new HashSet<>();
    for (EdgeDraft edge : edges) {
      for (TargetRef ref : edge.target().targets()) {
        if (!seen.add(ref.node())) {
          out.warning(draft.sources().value(EdgeReferenceRule.path(edge, ref)),
              "the edge from \"" + node + "\" to \"" + ref.node() + "\" is given twice", "remove the repetition");
        }
      }
    }
  }

  private static boolean isExclusive(EdgeDraft edge) {
    return edge.target() instanceof Routes || edge.target() instanceof Loop || edge.target() instanceof Parallel;
  }

  private static String kind(EdgeDraft edge) {
    return edge.target() instanceof Routes ? "routes" : edge.target() instanceof Loop ? "loop" : "parallel";
  }

  private static String exclusiveHint(EdgeDraft edge) {
    return switch (kind(edge)) {
      case "routes" -> "put every target into the routes, with a default route, and remove the other edges";
      case "loop" -> "the loop's exit_to says where the flow goes after the loop; remove the other edges";
      default -> "after a parallel edge the flow continues along the target node's own edges; remove the other edges";
    };
  }

  private static SourceLocation fromAt(WorkflowDraft draft, EdgeDraft edge) {
    return draft.sources().value("edges", edge.index(), "from");
  }
}
