package io.configurableagents.core.model;

import io.configurableagents.core.expr.Condition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code edges}. {@code from} is a node id or {@link #START}; targets are node ids or
 * {@link #END}.
 *
 * @param location where the edge's entry starts (its first key)
 */
public record EdgeSpec(String from, Target target, SourceLocation location) {
  public static final String START = "START";
  public static final String END = "END";

  public EdgeSpec {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(target, "target");
  }

  /** What happens after {@code from} finishes. */
  public sealed interface Target permits To, FanOut, When, Routes, Loop, Parallel {}

  /** {@code to: b}: linear. */
  public record To(String node) implements Target {}

  /**
   * {@code to: [a, b]}: the branches run concurrently; a node reached by several branches (the
   * join) runs once, after all of them.
   */
  public record FanOut(List<String> nodes) implements Target {
    public FanOut {
      nodes = List.copyOf(nodes);
    }
  }

  /**
   * {@code to: b} with an edge-level {@code condition}. Several such edges from one node are tried
   * in file order; an edge without condition from the same node is the fallback.
   */
  public record When(Condition condition, String node) implements Target {}

  /** The reference's {@code routes}: tried in order, the {@code default} route when none holds. */
  public record Routes(List<Route> routes) implements Target {
    public Routes {
      routes = List.copyOf(routes);
    }

    /** The target of the last {@code default} route (the validator guarantees one). */
    public Optional<String> defaultTarget() {
      String target = null;
      for (Route r : routes) {
        if (r.condition().isDefault()) {
          target = r.to();
        }
      }
      return Optional.ofNullable(target);
    }
  }

  /** One entry of {@code routes}. */
  public record Route(Condition condition, String to, SourceLocation location) {}

  /**
   * {@code loop}: after {@code from}, run it again until {@code conditionField} is truthy or it has
   * run {@code maxIterations} times, then go to {@code exitTo}.
   */
  public record Loop(String conditionField, int maxIterations, String exitTo) implements Target {}

  /**
   * {@code parallel}: one run of {@code targetNode} per item of {@code itemsField}, results appended
   * to {@code collectField} in item order, then on along {@code targetNode}'s own edges.
   */
  public record Parallel(String itemsField, String targetNode, String collectField) implements Target {}
}
