package io.configurableagents.core.validate;

import io.configurableagents.core.validate.WorkflowDraft.FeatureUse;

/**
 * Warns about what the file asks for and this runtime accepts without running it (docs/validate.md, "What is checked"):
 * once per node for memory, code and optimize; once for the workflow-level blocks.
 */
final class FeatureRule implements Rule {
  @Override
  public void check(WorkflowDraft draft, Diagnostics out) {
    for (FeatureUse use : draft.features()) {
      String where = use.owner().isEmpty() ? "" : use.owner() + ": ";
      var at = draft.sources().key(use.path().toArray());
      switch (use.feature()) {
        case MEMORY -> out.warning(at, where + "memory is accepted but not used yet: nothing is remembered between runs");
        case CODE -> out.warning(at, where + "code nodes are not run by this runtime: a run that reaches this node fails",
            "do the work in an LLM node, or call a service that runs the code");
        case OPTIMIZE -> out.warning(at, where + "optimize (DSPy) is not supported and is ignored");
        case OPTIMIZATION -> out.warning(at, "optimization (DSPy) is not supported and is ignored");
        case AB_TEST -> out.warning(at, "config.ab_test is not run by this runtime and is ignored");
        case GATES -> out.warning(at, "config.gates are not evaluated by this runtime and are ignored");
      }
    }
  }
}
