package io.configurableagents.runtime.engine;

/** Receives the events of runs: traces, job progress and streaming are built on them. */
@FunctionalInterface
public interface RunListener {
  RunListener NONE = event -> {};

  void onEvent(RunEvent event);
}
