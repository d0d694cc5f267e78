package io.configurableagents.core.validate;

import io.configurableagents.core.model.StateField;
import io.configurableagents.core.model.TypeRef;
import io.configurableagents.core.validate.WorkflowDraft.EdgeDraft;
import io.configurableagents.core.validate.WorkflowDraft.FieldDraft;
import io.configurableagents.core.validate.WorkflowDraft.Loop;
import java.util.Optional;

/** A loop's {@code condition_field} is a {@code bool} state field (docs/workflow-format.md, "Edges"). */
final class LoopRule implements Rule {
  @Override
  public void check(WorkflowDraft draft, Diagnostics out) {
    for (EdgeDraft edge : draft.edges()) {
      if (edge.target() instanceof Loop loop) {
        var at = draft.sources().value("edges", edge.index(), "loop", "condition_field");
        String context = "edges[" + edge.index() + "] loop";
        Optional<FieldDraft> field = draft.field(loop.conditionField());
        if (field.isEmpty()) {
          out.error(at, context + ": condition_field \"" + loop.conditionField() + "\" is not a state field",
              DidYouMean.hint(loop.conditionField(), draft.fieldNames()));
        } else {
          field.get().field().map(StateField::type).filter(t -> !(t instanceof TypeRef.Bool)).ifPresent(t ->
              out.error(at, context + ": condition_field \"" + loop.conditionField() + "\" must be a bool field, not " + t.typeString(),
                  "the loop ends when the node sets it to true; declare it with type: bool"));
        }
      }
    }
  }
}
