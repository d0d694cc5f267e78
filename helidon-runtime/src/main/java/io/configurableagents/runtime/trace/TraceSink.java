package io.configurableagents.runtime.trace;

/**
 * Where traces go: the store, an exporter. Called on the run's own thread, so an implementation
 * must only hand the trace over (to a bounded queue) and return; it may wait only while its queue
 * is full, and must not throw.
 */
public interface TraceSink {

  /** A run began: a checkpoint (a restart finds it and marks it interrupted). */
  default void started(Trace trace) {}

  /** A run ended: its whole trace. */
  void finished(Trace trace);
}
