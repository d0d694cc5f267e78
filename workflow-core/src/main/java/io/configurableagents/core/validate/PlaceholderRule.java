package io.configurableagents.core.validate;

import io.configurableagents.core.expr.FieldRef;
import io.configurableagents.core.expr.Template;
import io.configurableagents.core.validate.WorkflowDraft.NodeDraft;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Placeholders name something that exists (docs/workflow-format.md, "Prompts and placeholders"): in a prompt, a state field or one of the
 * node's inputs ({@code {state.x}} only a state field); in an input mapping, a state field.
 */
final class PlaceholderRule implements Rule {
  @Override
  public void check(WorkflowDraft draft, Diagnostics out) {
    FieldPaths paths = new FieldPaths(draft);
    for (NodeDraft node : draft.nodes()) {
      String context = OutputRule.context(node);
      node.prompt().ifPresent(prompt -> check(prompt, paths.scopeOfNode(node.id(), node.inputs().keySet()), paths,
          () -> draft.sources().span("nodes", node.index(), "prompt"), "prompt of " + context, out));
      for (Map.Entry<String, Optional<Template>> input : node.inputs().entrySet()) {
        input.getValue().ifPresent(template -> check(template, paths.stateScopeOfNode(node.id()), paths,
            () -> draft.sources().span("nodes", node.index(), "inputs", input.getKey()), "input \"" + input.getKey() + "\" of " + context, out));
      }
    }
  }

  private static void check(
      Template template, FieldPaths.Scope scope, FieldPaths paths, Supplier<SourceSpan> span, String what, Diagnostics out) {
    for (FieldRef ref : template.placeholders()) {
      paths.check(ref, scope, "{" + ref.text() + "}")
          .ifPresent(p -> out.error(span.get().at(ref.offset()), what + ": " + p.message(), p.hint()));
    }
  }
}
