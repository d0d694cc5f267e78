package io.configurableagents.runtime.engine;

import io.configurableagents.core.model.HiddenValues;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What templates and conditions see: the state's fields plus the hidden values
 * ({@code _loop_iteration_<node>} for every node, and {@code _parallel_item}/{@code _parallel_index}
 * inside a parallel item). A read-only view, built without copying the state.
 */
final class StateView extends AbstractMap<String, Object> {
  private final WorkflowState state;
  private final RunCounters counters;
  private final Optional<Item> item;

  /** The item a {@code parallel} execution works on. */
  record Item(int index, Object value) {}

  StateView(WorkflowState state, RunCounters counters, Optional<Item> item) {
    this.state = state;
    this.counters = counters;
    this.item = item;
  }

  @Override
  public Object get(Object key) {
    if (!(key instanceof String name)) {
      return null;
    }
    if (!HiddenValues.isHidden(name)) {
      return state.get(name);
    }
    if (item.isPresent() && name.equals(HiddenValues.PARALLEL_ITEM)) {
      return item.get().value();
    }
    if (item.isPresent() && name.equals(HiddenValues.PARALLEL_INDEX)) {
      return (long) item.get().index();
    }
    return counters.loopCounter(name).orElse(null);
  }

  @Override
  public boolean containsKey(Object key) {
    if (!(key instanceof String name)) {
      return false;
    }
    if (!HiddenValues.isHidden(name)) {
      return state.values().containsKey(name);
    }
    if (name.equals(HiddenValues.PARALLEL_ITEM) || name.equals(HiddenValues.PARALLEL_INDEX)) {
      return item.isPresent();
    }
    return counters.loopCounter(name).isPresent();
  }

  /** Every visible name and value (copied: only error messages and listings need it). */
  @Override
  public Set<Entry<String, Object>> entrySet() {
    Map<String, Object> all = new LinkedHashMap<>(state.values());
    all.putAll(counters.loopCounters());
    item.ifPresent(
        i -> {
          all.put(HiddenValues.PARALLEL_ITEM, i.value());
          all.put(HiddenValues.PARALLEL_INDEX, (long) i.index());
        });
    return all.entrySet();
  }
}
