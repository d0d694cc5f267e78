package io.configurableagents.core.validate;

import io.configurableagents.core.expr.FieldRef;
import io.configurableagents.core.model.HiddenValues;
import io.configurableagents.core.model.StateField;
import io.configurableagents.core.model.TypeRef;
import io.configurableagents.core.validate.WorkflowDraft.EdgeDraft;
import io.configurableagents.core.validate.WorkflowDraft.FieldDraft;
import io.configurableagents.core.validate.WorkflowDraft.Loop;
import io.configurableagents.core.validate.WorkflowDraft.Parallel;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a reference ({@code {state.profile.name}}, {@code state.score}) against the declared
 * state, as far as the types allow: into object schemas field by field, not into a string, number
 * or list (the runtime would fail there), and no further into a free-form map. Hidden values are
 * valid where the runtime provides them.
 */
final class FieldPaths {
  private final WorkflowDraft draft;
  private final Set<String> loopCounters = new LinkedHashSet<>();
  private final Set<String> parallelTargets = new LinkedHashSet<>();

  FieldPaths(WorkflowDraft draft) {
    this.draft = draft;
    for (EdgeDraft edge : draft.edges()) {
      if (edge.target() instanceof Loop) {
        loopCounters.add(HiddenValues.loopIteration(edge.from()));
      } else if (edge.target() instanceof Parallel p) {
        parallelTargets.add(p.targetNode());
      }
    }
  }

  /** What a reference may name beside state fields. */
  record Scope(Set<String> inputs, boolean parallelItem) {
    static final Scope STATE_ONLY = new Scope(Set.of(), false);
  }

  /** A reference that does not resolve: what is wrong and how to fix it. */
  record Problem(String message, String hint) {}

  Scope scopeOfNode(String nodeId, Set<String> inputs) {
    return new Scope(inputs, parallelTargets.contains(nodeId));
  }

  Scope stateScopeOfNode(String nodeId) {
    return new Scope(Set.of(), parallelTargets.contains(nodeId));
  }

  /** @param shown the reference as the user wrote it, for messages */
  Optional<Problem> check(FieldRef ref, Scope scope, String shown) {
    String root = ref.root();
    if (HiddenValues.isHidden(root)) {
      return hidden(root, scope, shown);
    }
    Optional<FieldDraft> field = draft.field(root);
    if (field.isEmpty()) {
      boolean input = !ref.statePrefixed() && scope.inputs().contains(root);
      if (input && ref.path().size() == 1) {
        return Optional.empty();
      }
      if (input) {
        return Optional.of(new Problem(shown + " reads a part of \"" + root + "\", but node inputs are text",
            "refer to {" + root + "} itself, or to the state field the input was made from"));
      }
      Set<String> candidates = new LinkedHashSet<>(draft.fieldNames());
      if (!ref.statePrefixed()) {
        candidates.addAll(scope.inputs());
      }
      return Optional.of(new Problem(shown + " names no state field" + (ref.statePrefixed() || scope.inputs().isEmpty() ? "" : " or node input"),
          DidYouMean.hint(root, candidates)));
    }
    return walk(ref, field.get().field().map(StateField::type), shown);
  }

  private Optional<Problem> walk(FieldRef ref, Optional<TypeRef> start, String shown) {
    Optional<TypeRef> type = start;
    List<String> path = ref.path();
    for (int i = 1; i < path.size() && type.isPresent(); i++) {
      String owner = String.join(".", path.subList(0, i));
      TypeRef t = type.get();
      if (t instanceof TypeRef.ObjectType o && o.hasSchema()) {
        StateField sub = o.fields().get(path.get(i));
        if (sub == null) {
          return Optional.of(new Problem(shown + ": \"" + owner + "\" has no field \"" + path.get(i) + "\"",
              DidYouMean.hint(path.get(i), o.fields().keySet())));
        }
        type = Optional.of(sub.type());
      } else if (t instanceof TypeRef.ObjectType || t instanceof TypeRef.DictOf) {
        return Optional.empty();
      } else {
        return Optional.of(new Problem(shown + ": \"" + owner + "\" is " + t.typeString() + ", so it has no \"" + path.get(i) + "\"",
            "refer to " + owner + " itself"));
      }
    }
    return Optional.empty();
  }

  private Optional<Problem> hidden(String root, Scope scope, String shown) {
    if (loopCounters.contains(root)) {
      return Optional.empty();
    }
    boolean parallelValue = root.equals(HiddenValues.PARALLEL_ITEM) || root.equals(HiddenValues.PARALLEL_INDEX);
    if (parallelValue && scope.parallelItem()) {
      return Optional.empty();
    }
    String hint;
    if (parallelValue) {
      hint = root + " exists only in the target_node of a parallel edge";
    } else if (root.startsWith("_loop_iteration_")) {
      hint = root + " exists only when node \"" + root.substring("_loop_iteration_".length()) + "\" has a loop edge"
          + DidYouMean.closest(root, loopCounters).map(c -> "; did you mean \"" + c + "\"?").orElse("");
    } else {
      hint = "names starting with _ are reserved for _loop_iteration_<node>, _parallel_item and _parallel_index";
    }
    return Optional.of(new Problem(shown + " is not available here", hint));
  }
}
