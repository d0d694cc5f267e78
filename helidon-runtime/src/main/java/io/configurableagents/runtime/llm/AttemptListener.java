package io.configurableagents.runtime.llm;

/**
 * Hears every attempt of a {@link StructuredCall}, on the calling thread, so the engine can turn
 * them into events. A listener that throws is ignored: it never fails a call.
 */
public interface AttemptListener {
  AttemptListener NONE = new AttemptListener() {};

  default void attemptStarted(AttemptStarted started) {}

  default void attemptFinished(AttemptFinished finished) {}
}
