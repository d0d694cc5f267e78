package io.configurableagents.runtime.engine;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One execution of one node within a run: what node events and LLM attempt events refer to.
 *
 * @param nodeId the node's {@code id}
 * @param step the run-wide sequence number of this execution (1 for the first node that ran);
 *     unique within the run, also across concurrent branches and parallel items
 * @param iteration how many times the node has run in this run, this time included: the value of
 *     {@code _loop_iteration_<node>} its prompt sees (the items of one {@code parallel} map share
 *     one iteration)
 * @param item the 0-based index of the {@code parallel} item this execution works on, if any
 */
public record NodeExecution(String nodeId, int step, int iteration, OptionalInt item) {
  public NodeExecution {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(item, "item");
    if (step < 1 || iteration < 1) {
      throw new IllegalArgumentException("step and iteration are 1-based: " + step + ", " + iteration);
    }
  }

  @Override
  public String toString() {
    String base = nodeId + "#" + iteration;
    return item.isPresent() ? base + "[" + item.getAsInt() + "]" : base;
  }
}
