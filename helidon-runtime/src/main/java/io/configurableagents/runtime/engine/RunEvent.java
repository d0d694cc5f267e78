package io.configurableagents.runtime.engine;

/**
 * Everything a run does, as typed events: run started, node started/finished/failed, LLM attempt
 * started/finished (model, tokens, latency, error), run finished. Each carries the run id and a
 * timestamp. The exact records are the engine's to define.
 */
public sealed interface RunEvent permits RunEvent.Placeholder {
  String runId();

  /** Removed when the real event records are written. */
  record Placeholder(String runId) implements RunEvent {}
}
