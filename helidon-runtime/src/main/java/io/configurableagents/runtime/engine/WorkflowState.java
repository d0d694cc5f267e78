package io.configurableagents.runtime.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of a run at one point of one branch: the declared fields in declaration order, and,
 * for each field a node has written, which write it holds. Immutable: a node's updates give a new
 * state. The writes are what lets the branches of a fan-out be merged, and a field written by two
 * branches be told apart from one written by one.
 */
record WorkflowState(Map<String, Object> values, Map<String, Write> writes) {

  /** One write of one field: the node that made it and a run-wide sequence number. */
  record Write(String node, long sequence) {}

  WorkflowState {
    values = Collections.unmodifiableMap(values);
    writes = Collections.unmodifiableMap(writes);
  }

  /** The initial state of a run: the coerced inputs, nothing written yet. */
  static WorkflowState initial(Map<String, Object> values) {
    return new WorkflowState(new LinkedHashMap<>(values), Map.of());
  }

  Object get(String field) {
    return values.get(field);
  }

  /** This state with {@code updates} written by {@code node}. */
  WorkflowState with(Map<String, Object> updates, Write write) {
    if (updates.isEmpty()) {
      return this;
    }
    Map<String, Object> newValues = new LinkedHashMap<>(values);
    Map<String, Write> newWrites = new HashMap<>(writes);
    updates.forEach(
        (field, value) -> {
          newValues.put(field, value);
          newWrites.put(field, write);
        });
    return new WorkflowState(newValues, newWrites);
  }

  /**
   * Merges the end states of the branches that started from {@code base}: every field a branch
   * wrote is taken from it.
   *
   * @throws RunFailure when two branches wrote the same field (naming both nodes)
   */
  static WorkflowState merge(String origin, WorkflowState base, List<WorkflowState> branches) {
    Map<String, Object> values = new LinkedHashMap<>(base.values);
    Map<String, Write> writes = new HashMap<>(base.writes);
    Map<String, Write> taken = new HashMap<>();
    for (WorkflowState branch : branches) {
      for (Map.Entry<String, Write> w : branch.writes.entrySet()) {
        String field = w.getKey();
        if (w.getValue().equals(base.writes.get(field))) {
          continue;
        }
        Write earlier = taken.putIfAbsent(field, w.getValue());
        if (earlier != null) {
          throw new RunFailure(
              RunError.at(EngineError.BRANCH_CONFLICT, w.getValue().node(), field, origin, earlier.node(), w.getValue().node()));
        }
        values.put(field, branch.values.get(field));
        writes.put(field, w.getValue());
      }
    }
    return new WorkflowState(values, writes);
  }

  /** The value of a list field, or an empty list when it is null. */
  List<Object> list(String field) {
    Object v = values.get(field);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    throw new IllegalStateException("field \"" + field + "\" holds " + v.getClass().getSimpleName() + ", not a list");
  }
}
