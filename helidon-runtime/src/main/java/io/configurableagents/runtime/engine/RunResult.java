package io.configurableagents.runtime.engine;

/**
 * How a run ended: succeeded with the final state (A.4: every declared field, hidden values left
 * out), failed with a precise error, or cancelled; each with run metadata (per-node timings, LLM
 * attempts, token counts) kept apart from the outputs. The exact records are the engine's to define.
 */
public sealed interface RunResult permits RunResult.Placeholder {
  /** Removed when the real result records are written. */
  record Placeholder() implements RunResult {}
}
