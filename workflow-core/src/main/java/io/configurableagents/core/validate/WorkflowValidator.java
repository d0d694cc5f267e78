package io.configurableagents.core.validate;

import java.util.List;

/**
 * The checks that look across a workflow's parts (docs/validate.md, "What is checked"): node ids,
 * edge references, outputs against the state, placeholders, conditions, loops, parallel edges,
 * the shape of the graph, fan-out writes, tools, and the features this runtime does not run.
 * Every rule runs on every draft: all problems of a file are reported at once.
 */
public final class WorkflowValidator {
  private static final List<Rule> RULES =
      List.of(
          new NodeIdRule(),
          new EdgeReferenceRule(),
          new OutputRule(),
          new PlaceholderRule(),
          new ConditionRule(),
          new LoopRule(),
          new ParallelRule(),
          new OutgoingEdgesRule(),
          new GraphRule(),
          new FanOutRule(),
          new ToolRule(),
          new FeatureRule());

  private WorkflowValidator() {}

  /** Every problem the rules find, sorted by position. */
  public static List<Diagnostic> validate(WorkflowDraft draft) {
    Diagnostics out = new Diagnostics();
    for (Rule rule : RULES) {
      rule.check(draft, out);
    }
    return out.sorted();
  }
}
