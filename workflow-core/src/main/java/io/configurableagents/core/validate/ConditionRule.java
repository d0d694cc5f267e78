package io.configurableagents.core.validate;

import io.configurableagents.core.expr.Condition;
import io.configurableagents.core.expr.FieldRef;
import io.configurableagents.core.validate.WorkflowDraft.EdgeDraft;
import io.configurableagents.core.validate.WorkflowDraft.Route;
import io.configurableagents.core.validate.WorkflowDraft.Routes;
import io.configurableagents.core.validate.WorkflowDraft.When;
import java.util.function.Supplier;

/**
 * Conditional edges (docs/workflow-format.md, "Edges"; docs/conditions.md): {@code routes} have a {@code default} route, and every
 * field a condition reads exists (dotted paths checked as far as the types allow).
 */
final class ConditionRule implements Rule {
  @Override
  public void check(WorkflowDraft draft, Diagnostics out) {
    FieldPaths paths = new FieldPaths(draft);
    for (EdgeDraft edge : draft.edges()) {
      String context = "edges[" + edge.index() + "]";
      if (edge.target() instanceof Routes routes) {
        if (routes.complete() && routes.routes().stream().noneMatch(Route::isDefault)) {
          out.error(draft.sources().key("edges", edge.index(), "routes"), context + ": routes have no default route",
              "add a last route {condition: {logic: default}, to: <node or END>} for when no condition holds");
        }
        for (int r = 0; r < routes.routes().size(); r++) {
          int index = r;
          routes.routes().get(r).condition().ifPresent(c -> check(c, paths,
              () -> draft.sources().span("edges", edge.index(), "routes", index, "condition", "logic"), "condition of " + context + " routes[" + index + "]", out));
        }
      } else if (edge.target() instanceof When when) {
        when.condition().ifPresent(c -> check(c, paths, () -> draft.sources().span("edges", edge.index(), "condition"), "condition of " + context, out));
      }
    }
  }

  private static void check(Condition condition, FieldPaths paths, Supplier<SourceSpan> span, String what, Diagnostics out) {
    for (FieldRef ref : condition.fieldRefs()) {
      paths.check(ref, FieldPaths.Scope.STATE_ONLY, ref.text())
          .ifPresent(p -> out.error(span.get().at(ref.offset()), what + ": " + p.message(), p.hint()));
    }
  }
}
