package io.configurableagents.runtime.engine;

import io.configurableagents.core.expr.Condition;
import io.configurableagents.core.expr.ConditionEvaluationException;
import io.configurableagents.core.model.EdgeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides where the flow goes after a node: follows its compiled {@link Edge}, evaluating
 * conditions against the state (a condition that raises counts as false and is reported), and
 * keeps loops within {@code max_iterations}. Conditional and loop decisions are reported as
 * {@link RunEvent.RouteChosen} events.
 */
final class Router {
  private final Run run;

  Router(Run run) {
    this.run = run;
  }

  /**
   * @param from the node that just ran (or START)
   * @param step the step of its execution (0 for START and after a parallel map)
   */
  Next next(String from, int step, WorkflowState state) {
    Optional<Edge> edge = run.graph().edgeFrom(from);
    if (edge.isEmpty()) {
      return Next.nodes(List.of());
    }
    return switch (edge.get()) {
      case Edge.Go go -> Next.nodes(withoutEnd(go.targets()));
      case Edge.Parallel parallel -> new Next.ForEach(parallel);
      case Edge.Choose choose -> choose(from, step, choose, view(state));
      case Edge.Loop loop -> loop(step, loop, view(state));
    };
  }

  private Next choose(String from, int step, Edge.Choose choose, StateView view) {
    List<RunEvent.ConditionFailure> failures = new ArrayList<>();
    for (Edge.Choice choice : choose.choices()) {
      if (holds(choice.condition(), view, failures)) {
        return chosen(from, step, List.of(choice.target()), choice.label() + " held", failures);
      }
    }
    if (choose.otherwise().isEmpty()) {
      String tried = choose.choices().stream().map(c -> c.condition().source()).reduce((a, b) -> a + "; " + b).orElse("");
      throw new RunFailure(RunError.at(EngineError.NO_ROUTE, from, from, tried, from));
    }
    List<String> targets = choose.otherwise().get().targets();
    return chosen(from, step, targets, "no condition held: took the fallback", failures);
  }

  private Next loop(int step, Edge.Loop loop, StateView view) {
    List<RunEvent.ConditionFailure> failures = new ArrayList<>();
    int ran = run.counters().iterations(loop.node());
    if (holds(loop.done(), view, failures)) {
      return chosen(loop.node(), step, List.of(loop.exitTo()), loop.conditionField() + " is true: leaving the loop", failures);
    }
    if (ran >= loop.maxIterations()) {
      String reason = "max_iterations (" + loop.maxIterations() + ") reached: leaving the loop";
      return chosen(loop.node(), step, List.of(loop.exitTo()), reason, failures);
    }
    String reason = loop.conditionField() + " is false: iteration " + (ran + 1) + " of at most " + loop.maxIterations();
    return chosen(loop.node(), step, List.of(loop.node()), reason, failures);
  }

  private Next chosen(String from, int step, List<String> targets, String reason, List<RunEvent.ConditionFailure> failures) {
    run.emit(new RunEvent.RouteChosen(run.id(), run.now(), from, step, targets, reason, failures));
    return Next.nodes(withoutEnd(targets));
  }

  /** Evaluates a condition; one that raises counts as false and is noted. */
  private static boolean holds(Condition condition, StateView view, List<RunEvent.ConditionFailure> failures) {
    try {
      return condition.evaluate(view);
    } catch (ConditionEvaluationException e) {
      failures.add(new RunEvent.ConditionFailure(condition.source(), e.getMessage()));
      return false;
    }
  }

  private StateView view(WorkflowState state) {
    return new StateView(state, run.counters(), Optional.empty());
  }

  private static List<String> withoutEnd(List<String> targets) {
    return targets.contains(EdgeSpec.END) ? targets.stream().filter(t -> !t.equals(EdgeSpec.END)).toList() : targets;
  }
}
