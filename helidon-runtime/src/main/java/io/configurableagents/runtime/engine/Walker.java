package io.configurableagents.runtime.engine;

import io.configurableagents.core.model.EdgeSpec;
import io.configurableagents.core.model.OutputSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Walks the graph of one run: from START, node after node, until every branch has reached END.
 *
 * <p><b>Fan-out and join.</b> When the flow fans out from node F to several heads, the join nodes
 * are the nodes that two or more heads can reach (a head reaches itself) without going back
 * through F ({@link CompiledWorkflow#joins}). Each branch runs on its own virtual thread, from its
 * head, until it reaches END or is about to run a join node. When all branches have stopped,
 * their writes are merged (a field written by two branches fails the run) and the join node runs
 * once; if the branches stopped at several join nodes, those continue as a new fan-out. Branches
 * of a nested fan-out that reach a join of an enclosing one wait there for the enclosing
 * fan-out's other branches.
 */
final class Walker {
  private final Run run;
  private final NodeRunner nodes;
  private final Router router;

  Walker(Run run) {
    this.run = run;
    this.nodes = new NodeRunner(run);
    this.router = new Router(run);
  }

  /** Runs the workflow from START; the final state. */
  WorkflowState walk(WorkflowState initial, Scope root) {
    return follow(EdgeSpec.START, router.next(EdgeSpec.START, 0, initial), initial, root, Set.of()).state();
  }

  /**
   * Where a branch stopped: at END (no arrivals) or before the join nodes it arrived at.
   *
   * @param moved whether it ran any node
   */
  private record Stopped(List<String> arrivals, WorkflowState state, boolean moved) {}

  private Stopped follow(String from, Next next, WorkflowState state, Scope scope, Set<String> stop) {
    boolean moved = false;
    while (true) {
      switch (next) {
        case Next.ForEach each -> {
          state = parallel(each.edge(), state, scope);
          moved = true;
          from = each.edge().targetNode();
          next = router.next(from, 0, state);
        }
        case Next.Nodes n when n.ids().isEmpty() -> {
          return new Stopped(List.of(), state, moved);
        }
        case Next.Nodes n when n.ids().size() == 1 -> {
          String id = n.ids().get(0);
          if (stop.contains(id)) {
            return new Stopped(List.of(id), state, moved);
          }
          NodeRunner.Executed done = nodes.execute(id, state, scope, Optional.empty(), 0);
          state = state.with(done.updates(), new WorkflowState.Write(id, run.nextWrite()));
          moved = true;
          from = id;
          next = router.next(id, done.execution().step(), state);
        }
        case Next.Nodes n -> {
          Stopped joined = fanOut(from, n.ids(), state, scope, stop);
          return new Stopped(joined.arrivals(), joined.state(), true);
        }
      }
    }
  }

  private Stopped fanOut(String origin, List<String> heads, WorkflowState base, Scope scope, Set<String> outerStop) {
    Set<String> stop = new HashSet<>(outerStop);
    stop.addAll(run.graph().joins(origin, heads));
    List<Function<Scope, Stopped>> branches = new ArrayList<>();
    for (String head : heads) {
      branches.add(branchScope -> follow(origin, Next.nodes(List.of(head)), base, branchScope, stop));
    }
    List<Stopped> ends = Branches.runAll(branches, scope);
    WorkflowState merged = WorkflowState.merge(origin, base, ends.stream().map(Stopped::state).toList());
    Set<String> outer = new LinkedHashSet<>();
    Set<String> local = new LinkedHashSet<>();
    for (Stopped end : ends) {
      for (String arrival : end.arrivals()) {
        (outerStop.contains(arrival) ? outer : local).add(arrival);
      }
    }
    if (local.isEmpty()) {
      return new Stopped(List.copyOf(outer), merged, true);
    }
    if (ends.stream().noneMatch(Stopped::moved) && local.size() == new HashSet<>(heads).size()) {
      throw new RunFailure(RunError.at(EngineError.JOIN_DEADLOCK, origin, origin, local));
    }
    Stopped rest = follow(origin, Next.nodes(List.copyOf(local)), merged, scope, outerStop);
    outer.addAll(rest.arrivals());
    return new Stopped(List.copyOf(outer), rest.state(), true);
  }

  /**
   * The per-item map: the target node once per item, concurrently, each with
   * {@code _parallel_item}/{@code _parallel_index}; results appended to the collect field in item
   * order (the value for a simple output, a map of output name to value otherwise). The items'
   * other writes are not merged. An empty or null list runs nothing.
   */
  private WorkflowState parallel(Edge.Parallel edge, WorkflowState state, Scope scope) {
    List<Object> items = state.list(edge.itemsField());
    if (items.isEmpty()) {
      return state;
    }
    String target = edge.targetNode();
    int iteration = run.counters().nextIteration(target);
    List<Function<Scope, Map<String, Object>>> tasks = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      StateView.Item item = new StateView.Item(i, items.get(i));
      tasks.add(itemScope -> nodes.execute(target, state, itemScope, Optional.of(item), iteration).updates());
    }
    List<Map<String, Object>> results = Branches.runAll(tasks, scope);
    Node node = run.graph().node(target);
    boolean simple = node.spec().output() instanceof OutputSpec.Simple;
    List<Object> collected = state.list(edge.collectField());
    for (Map<String, Object> r : results) {
      collected.add(simple ? r.get(node.spec().outputs().get(0)) : r);
    }
    return state.with(Map.of(edge.collectField(), collected), new WorkflowState.Write(target, run.nextWrite()));
  }
}
