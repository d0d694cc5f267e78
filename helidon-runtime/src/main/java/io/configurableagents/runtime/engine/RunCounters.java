package io.configurableagents.runtime.engine;

import io.configurableagents.core.model.HiddenValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The counters of one run: node executions started (what the step limit counts), and how many
 * times each node has run ({@code _loop_iteration_<node>}). Run-wide, shared by all branches.
 */
final class RunCounters {
  private final CompiledWorkflow graph;
  private final AtomicInteger steps = new AtomicInteger();
  private final AtomicIntegerArray iterations;

  RunCounters(CompiledWorkflow graph) {
    this.graph = graph;
    this.iterations = new AtomicIntegerArray(graph.nodes().size());
  }

  /** Claims the next step number, or empty when that would pass {@code maxSteps}. */
  Optional<Integer> claimStep(int maxSteps) {
    int step = steps.incrementAndGet();
    if (step > maxSteps) {
      steps.decrementAndGet();
      return Optional.empty();
    }
    return Optional.of(step);
  }

  int steps() {
    return steps.get();
  }

  /** Counts one more run of the node and gives the new count (1 on its first run). */
  int nextIteration(String nodeId) {
    return iterations.incrementAndGet(graph.indexOf(nodeId));
  }

  /** How many times the node has run so far. */
  int iterations(String nodeId) {
    return iterations.get(graph.indexOf(nodeId));
  }

  /** The value of a {@code _loop_iteration_<node>} name, if it names a node. */
  Optional<Object> loopCounter(String hiddenName) {
    return graph.nodeOfLoopCounter(hiddenName).map(id -> (Object) (long) iterations(id));
  }

  /** Every {@code _loop_iteration_<node>} with its value. */
  Map<String, Object> loopCounters() {
    Map<String, Object> all = new LinkedHashMap<>();
    for (String id : graph.nodes().keySet()) {
      all.put(HiddenValues.loopIteration(id), (long) iterations(id));
    }
    return all;
  }
}
