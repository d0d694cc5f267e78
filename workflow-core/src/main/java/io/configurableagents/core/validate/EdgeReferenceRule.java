package io.configurableagents.core.validate;

import io.configurableagents.core.model.EdgeSpec;
import io.configurableagents.core.model.SourceLocation;
import io.configurableagents.core.validate.WorkflowDraft.EdgeDraft;
import io.configurableagents.core.validate.WorkflowDraft.Parallel;
import io.configurableagents.core.validate.WorkflowDraft.TargetRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every name an edge uses is a node (docs/workflow-format.md, "Edges"): {@code from} is a node or START, targets are
 * nodes or END, a parallel target is a real node. Edges out of END and into START are errors here
 * (the reference failed on them only when building the graph). Unknown names are reported only
 * when every node has an id (a node without one is already an error, and edges may name it).
 */
final class EdgeReferenceRule implements Rule {
  @Override
  public void check(WorkflowDraft draft, Diagnostics out) {
    Set<String> ids = draft.nodeIds();
    boolean allKnown = draft.nodesComplete();
    for (EdgeDraft edge : draft.edges()) {
      checkFrom(draft, edge, ids, allKnown, out);
      for (TargetRef ref : edge.target().targets()) {
        checkTarget(draft, edge, ref, ids, allKnown, out);
      }
    }
  }

  private static void checkFrom(WorkflowDraft draft, EdgeDraft edge, Set<String> ids, boolean allKnown, Diagnostics out) {
    Supplier<SourceLocation> at = () -> draft.sources().value("edges", edge.index(), "from");
    if (edge.from().equals(EdgeSpec.END)) {
      out.error(at.get(), "edges[" + edge.index() + "]: an edge cannot start at END", "END ends the run; remove this edge");
    } else if (allKnown && !edge.from().equals(EdgeSpec.START) && !ids.contains(edge.from())) {
      out.error(at.get(), "edges[" + edge.index() + "]: from names an unknown node \"" + edge.from() + "\"", DidYouMean.hint(edge.from(), with(ids, EdgeSpec.START)));
    }
  }

  private static void checkTarget(
      WorkflowDraft draft, EdgeDraft edge, TargetRef ref, Set<String> ids, boolean allKnown, Diagnostics out) {
    Supplier<SourceLocation> at = () -> draft.sources().value(path(edge, ref));
    String role = String.join(".", ref.path().stream().filter(String.class::isInstance).map(String.class::cast).toList());
    boolean parallel = edge.target() instanceof Parallel;
    if (ref.node().equals(EdgeSpec.START)) {
      out.error(at.get(), "edges[" + edge.index() + "]: " + role + " cannot be START", "START only begins the run; name a node" + (parallel ? "" : " or END"));
    } else if (parallel && ref.node().equals(EdgeSpec.END)) {
      out.error(at.get(), "edges[" + edge.index() + "]: parallel.target_node must be a node, not END", DidYouMean.hint(ref.node(), ids));
    } else if (allKnown && !ref.node().equals(EdgeSpec.END) && !ids.contains(ref.node())) {
      out.error(at.get(), "edges[" + edge.index() + "]: " + role + " names an unknown node \"" + ref.node() + "\"",
          DidYouMean.hint(ref.node(), parallel ? ids : with(ids, EdgeSpec.END)));
    }
  }

  static Object[] path(EdgeDraft edge, TargetRef ref) {
    List<Object> path = new ArrayList<>(List.of("edges", edge.index()));
    path.addAll(ref.path());
    return path.toArray();
  }

  private static Set<String> with(Set<String> ids, String extra) {
    Set<String> all = new LinkedHashSet<>(ids);
    all.add(extra);
    return all;
  }
}
