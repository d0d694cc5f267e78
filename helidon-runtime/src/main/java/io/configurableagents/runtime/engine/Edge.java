package io.configurableagents.runtime.engine;

import io.configurableagents.core.expr.Condition;
import java.util.List;
import java.util.Optional;

/**
 * Where the flow goes after a node (or after START): every edge entry that leaves one node,
 * compiled into one decision.
 */
sealed interface Edge permits Edge.Go, Edge.Choose, Edge.Loop, Edge.Parallel {

  /**
   * Unconditional: one target is a linear edge; several (a {@code to: [a, b]} list, or several
   * plain edges from one node) are a fan-out. Targets are node ids or {@code END}.
   */
  record Go(List<String> targets) implements Edge {
    public Go {
      targets = List.copyOf(targets);
    }
  }

  /**
   * Conditional: the first choice whose condition holds wins; otherwise the fallback (a
   * {@code routes} default, or the plain edges beside edge-level conditions).
   */
  record Choose(List<Choice> choices, Optional<Go> otherwise) implements Edge {
    public Choose {
      choices = List.copyOf(choices);
    }
  }

  /** One conditional target. {@code label} says where it came from, for route events. */
  record Choice(Condition condition, String target, String label) {}

  /**
   * A self-loop: after {@code node}, run it again unless {@code done} (the truthiness of
   * {@code conditionField}) holds or it has run {@code maxIterations} times; then {@code exitTo}.
   */
  record Loop(String node, String conditionField, Condition done, int maxIterations, String exitTo)
      implements Edge {}

  /** The per-item map: {@code targetNode} once per item, results appended to {@code collectField}. */
  record Parallel(String itemsField, String targetNode, String collectField) implements Edge {}
}
