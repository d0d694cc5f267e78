package io.configurableagents.runtime.engine;

import java.util.Locale;

/**
 * The kinds of run failure, each with its wire name (the {@code type} the API shows) and whether
 * an LLM provider is to blame (the API answers 502 rather than 500). The message templates of the
 * engine live here, in one place.
 */
public enum EngineError {
  /** The caller's inputs do not fit the state (every problem listed). */
  /** A provider refused or failed the call (after retries when retriable). */
  PROVIDER_ERROR(true, "node \"%s\": %s"),
  /** The model's answers never matched the output schema within the attempt count. */
  INVALID_OUTPUT(
      true,
      "node \"%s\": the model's answer did not match the output schema after %d attempt(s): %s;"
          + " perhaps you should raise config.execution.max_retries or make the prompt say what to return"),
  /**
   * A provider key the workflow needs is not set: the run fails before any node runs. The message
   * ({@code MissingEnvironmentException}) names each variable, the nodes needing it and how to set it.
   */
  MISSING_API_KEY(false, "%s"),
  /** A tool call failed and the tool's {@code on_error} is {@code fail} (the default). */
  TOOL_ERROR(
      false,
      "node \"%s\": tool %s failed: %s; to let the model read the error and go on instead, set on_error: continue"
          + " on the tool ({name: %s, on_error: continue})"),
  /** The model kept asking for tools past the node's {@code max_tool_rounds}. */
  TOOL_ROUND_LIMIT(
      false,
      "node \"%s\": the model asked for tools again after %d round(s), its limit (%s); raise it, or make the"
          + " prompt say when to stop searching and answer"),
  /** A prompt or input mapping names a value that is not there. */
  TEMPLATE_ERROR(false, "node \"%s\": %s"),
  /** A Python code node was reached. */
  UNSUPPORTED_NODE(
      false,
      "node \"%s\" is a Python code node (code:), and code nodes are not supported by this runtime;"
          + " replace it with an LLM node, or run this workflow with the Python tool"),
  /** The run executed more nodes than its step limit allows. */
  STEP_LIMIT(
      false,
      "the run reached its step limit of %d node executions when node \"%s\" was about to run"
          + " (a cycle whose exit condition never holds?); if the workflow really needs more steps, raise %s"),
  /** The run's deadline passed. */
  TIMEOUT(false, "the run exceeded its deadline of %s while node \"%s\" was %s; if runs need longer, raise %s"),
  /** The run was cancelled (appears in node events; the run itself ends as cancelled). */
  CANCELLED(false, "the run was cancelled while node \"%s\" was running"),
  /** A branch stopped because another branch of the run failed (appears in node events). */
  ABANDONED(false, "node \"%s\" was abandoned because another branch of the run failed"),
  /** Two fan-out branches wrote the same field. */
  BRANCH_CONFLICT(
      false,
      "field \"%s\" was written by two branches of the fan-out after node \"%s\": by node \"%s\" and by"
          + " node \"%s\"; let only one branch write each field"),
  /** A node's conditional edges chose nothing and it has no fallback edge. */
  NO_ROUTE(
      false,
      "after node \"%s\" no condition held (%s) and the node has no edge without a condition to fall back on;"
          + " add one, e.g. {from: %s, to: END}"),
  /** Branches of a fan-out wait for each other in a cycle. */
  JOIN_DEADLOCK(false, "the fan-out after node \"%s\" cannot go on: nodes %s wait for each other"),
  /** A defect of the engine itself; the message names it. */
  INTERNAL_ERROR(false, "internal error in the engine%s: %s");

  private final boolean providerFailure;
  private final String template;

  EngineError(boolean providerFailure, String template) {
    this.providerFailure = providerFailure;
    this.template = template;
  }

  /** The wire name: {@code step_limit}, {@code provider_error}... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether an LLM provider failed (API: 502) rather than the workflow or the runtime (500). */
  public boolean providerFailure() {
    return providerFailure;
  }

  String format(Object... args) {
    return String.format(Locale.ROOT, template, args);
  }
}
