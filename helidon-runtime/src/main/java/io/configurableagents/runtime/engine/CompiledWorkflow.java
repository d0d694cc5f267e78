package io.configurableagents.runtime.engine;

import io.configurableagents.core.model.EdgeSpec;
import io.configurableagents.core.model.Workflow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A validated workflow compiled once into an immutable graph: the nodes by id and the one
 * {@link Edge} that leaves each node (and START). Shared by every run, safe for concurrent use.
 * The only mutable part is a memo of fan-out join sets, which are a pure function of the graph.
 */
final class CompiledWorkflow {
  private final Workflow workflow;
  private final Map<String, Node> nodes;
  private final Map<String, Edge> edges;
  private final Map<String, Integer> nodeIndex;
  private final Map<JoinKey, Set<String>> joins = new ConcurrentHashMap<>();

  CompiledWorkflow(Workflow workflow, Map<String, Node> nodes, Map<String, Edge> edges) {
    this.workflow = workflow;
    this.nodes = Collections.unmodifiableMap(nodes);
    this.edges = Collections.unmodifiableMap(edges);
    Map<String, Integer> index = new HashMap<>();
    for (String id : nodes.keySet()) {
      index.put(id, index.size());
    }
    this.nodeIndex = Collections.unmodifiableMap(index);
  }

  Workflow workflow() {
    return workflow;
  }

  Node node(String id) {
    Node node = nodes.get(id);
    if (node == null) {
      throw new IllegalStateException("no node \"" + id + "\" in the compiled workflow");
    }
    return node;
  }

  /** The nodes in file order. */
  Map<String, Node> nodes() {
    return nodes;
  }

  /** The edge leaving {@code from} (a node id or START); empty for a node without edges. */
  Optional<Edge> edgeFrom(String from) {
    return Optional.ofNullable(edges.get(from));
  }

  /** A dense index of the node, 0-based in file order (for per-run counters). */
  int indexOf(String nodeId) {
    Integer i = nodeIndex.get(nodeId);
    if (i == null) {
      throw new IllegalStateException("no node \"" + nodeId + "\" in the compiled workflow");
    }
    return i;
  }

  /** The node with that loop-counter name ({@code _loop_iteration_<node>}), if any. */
  Optional<String> nodeOfLoopCounter(String hiddenName) {
    String prefix = io.configurableagents.core.model.HiddenValues.loopIteration("");
    if (!hiddenName.startsWith(prefix)) {
      return Optional.empty();
    }
    String id = hiddenName.substring(prefix.length());
    return nodeIndex.containsKey(id) ? Optional.of(id) : Optional.empty();
  }

  /**
   * The join nodes of a fan-out from {@code origin} to {@code heads}: the nodes that two or more
   * heads can reach (a head counts as reaching itself), without going back through
   * {@code origin}. A branch stops when it is about to run one of them.
   */
  Set<String> joins(String origin, List<String> heads) {
    return joins.computeIfAbsent(new JoinKey(origin, List.copyOf(heads)), k -> computeJoins(k.origin(), k.heads()));
  }

  private Set<String> computeJoins(String origin, List<String> heads) {
    Map<String, Integer> reachedBy = new HashMap<>();
    for (String head : new LinkedHashSet<>(heads)) {
      for (String n : reachableFrom(head, origin)) {
        reachedBy.merge(n, 1, Integer::sum);
      }
    }
    Set<String> result = new HashSet<>();
    reachedBy.forEach((n, count) -> {
      if (count >= 2) {
        result.add(n);
      }
    });
    return Collections.unmodifiableSet(result);
  }

  private Set<String> reachableFrom(String head, String origin) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(head));
    while (!todo.isEmpty()) {
      String n = todo.pop();
      if (n.equals(EdgeSpec.END) || n.equals(origin) || !seen.add(n)) {
        continue;
      }
      todo.addAll(successors(n));
    }
    return seen;
  }

  /** Every node the flow can go to right after {@code n}, whatever the conditions say. */
  List<String> successors(String n) {
    Edge edge = edges.get(n);
    if (edge == null) {
      return List.of();
    }
    List<String> next = new ArrayList<>();
    switch (edge) {
      case Edge.Go go -> next.addAll(go.targets());
      case Edge.Choose choose -> {
        choose.choices().forEach(c -> next.add(c.target()));
        choose.otherwise().ifPresent(go -> next.addAll(go.targets()));
      }
      case Edge.Loop loop -> {
        next.add(loop.node());
        next.add(loop.exitTo());
      }
      case Edge.Parallel parallel -> next.add(parallel.targetNode());
    }
    return next;
  }

  private record JoinKey(String origin, List<String> heads) {}
}
