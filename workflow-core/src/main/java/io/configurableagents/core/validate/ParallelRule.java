package io.configurableagents.core.validate;

import io.configurableagents.core.model.StateField;
import io.configurableagents.core.model.TypeRef;
import io.configurableagents.core.validate.WorkflowDraft.EdgeDraft;
import io.configurableagents.core.validate.WorkflowDraft.FieldDraft;
import io.configurableagents.core.validate.WorkflowDraft.Parallel;
import java.util.Optional;

/** A parallel edge's {@code items_field} and {@code collect_field} are list fields (docs/workflow-format.md, "Edges"). */
final class ParallelRule implements Rule {
  @Override
  public void check(WorkflowDraft draft, Diagnostics out) {
    for (EdgeDraft edge : draft.edges()) {
      if (edge.target() instanceof Parallel parallel) {
        checkList(draft, edge, "items_field", parallel.itemsField(), "the items to run the target node for", out);
        checkList(draft, edge, "collect_field", parallel.collectField(), "the results, one per item", out);
      }
    }
  }

  private static void checkList(WorkflowDraft draft, EdgeDraft edge, String key, String name, String role, Diagnostics out) {
    var at = draft.sources().value("edges", edge.index(), "parallel", key);
    String context = "edges[" + edge.index() + "] parallel";
    Optional<FieldDraft> field = draft.field(name);
    if (field.isEmpty()) {
      out.error(at, context + ": " + key + " \"" + name + "\" is not a state field", DidYouMean.hint(name, draft.fieldNames()));
      return;
    }
    field.get().field().map(StateField::type).filter(t -> !(t instanceof TypeRef.ListOf)).ifPresent(t ->
        out.error(at, context + ": " + key + " \"" + name + "\" must be a list field (" + role + "), not " + t.typeString(),
            "declare it with type: list or list[...]"));
  }
}
