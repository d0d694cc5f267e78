package io.configurableagents.runtime.engine;

import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.types.Coercion;
import io.configurableagents.core.types.CoercionResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A caller's inputs made into the initial state of a run of one workflow: coerced with
 * workflow-core's rules, every declared field present in declaration order. Only {@link #coerce}
 * makes them, so {@link WorkflowEngine#run} takes them as they are.
 */
public final class PreparedInputs {
  private final Workflow workflow;
  private final Map<String, Object> state;

  private PreparedInputs(Workflow workflow, Map<String, Object> state) {
    this.workflow = workflow;
    this.state = Collections.unmodifiableMap(new LinkedHashMap<>(state));
  }

  /**
   * Coerces and checks {@code inputs} against the state of {@code workflow}, every problem at once.
   *
   * @throws InvalidInputsException listing every problem, by field
   */
  public static PreparedInputs coerce(Workflow workflow, Map<String, Object> inputs) {
    Objects.requireNonNull(workflow, "workflow");
    CoercionResult result = Coercion.coerceState(workflow.state(), inputs);
    if (!result.ok()) {
      throw new InvalidInputsException(result.problems());
    }
    @SuppressWarnings("unchecked") // coerceState's value is the state map when there is no problem
    Map<String, Object> state = (Map<String, Object>) result.value();
    return new PreparedInputs(workflow, state);
  }

  /** The workflow these inputs fit. */
  public Workflow workflow() {
    return workflow;
  }

  /** The initial state: every declared field, in declaration order (unmodifiable). */
  public Map<String, Object> state() {
    return state;
  }

  @Override
  public String toString() {
    return "PreparedInputs" + state.keySet();
  }
}
