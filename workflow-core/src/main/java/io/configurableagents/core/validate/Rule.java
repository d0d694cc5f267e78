package io.configurableagents.core.validate;

/** One check across the parts of a workflow draft. Rules report and never throw. */
interface Rule {
  void check(WorkflowDraft draft, Diagnostics out);
}
