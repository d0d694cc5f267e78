package io.configurableagents.core.validate;

import io.configurableagents.core.model.EdgeSpec;
import io.configurableagents.core.validate.WorkflowDraft.EdgeDraft;
import io.configurableagents.core.validate.WorkflowDraft.Loop;
import io.configurableagents.core.validate.WorkflowDraft.TargetRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The edges as adjacency (docs/workflow-format.md, "Edges"): linear and fan-out targets, route targets, a loop's
 * node itself and its exit, a parallel edge's target node.
 */
final class Graph {
  private final Map<String, Set<String>> successors = new HashMap<>();
  private final Map<String, Set<String>> predecessors = new HashMap<>();

  Graph(List<EdgeDraft> edges) {
    for (EdgeDraft edge : edges) {
      if (edge.target() instanceof Loop) {
        add(edge.from(), edge.from());
      }
      for (TargetRef ref : edge.target().targets()) {
        add(edge.from(), ref.node());
      }
    }
  }

  private void add(String from, String to) {
    successors.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
    predecessors.computeIfAbsent(to, k -> new LinkedHashSet<>()).add(from);
  }

  Set<String> successors(String node) {
    return successors.getOrDefault(node, Set.of());
  }

  /** Every node reachable from {@code start} (itself included). */
  Set<String> reachableFrom(String start) {
    return search(start, successors);
  }

  /** Every node from which {@code end} can be reached (itself included). */
  Set<String> reaching(String end) {
    return search(end, predecessors);
  }

  static boolean isPseudo(String node) {
    return node.equals(EdgeSpec.START) || node.equals(EdgeSpec.END);
  }

  private static Set<String> search(String start, Map<String, Set<String>> links) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      String node = queue.poll();
      if (seen.add(node)) {
        queue.addAll(new ArrayList<>(links.getOrDefault(node, Set.of())));
      }
    }
    return seen;
  }
}
