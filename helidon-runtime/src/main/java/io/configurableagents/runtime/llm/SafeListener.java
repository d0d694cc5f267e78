package io.configurableagents.runtime.llm;

/** Passes attempts on to a listener and ignores whatever it throws: listeners never fail a call. */
final class SafeListener implements AttemptListener {
  private final AttemptListener delegate;

  SafeListener(AttemptListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void attemptStarted(AttemptStarted started) {
    try {
      delegate.attemptStarted(started);
    } catch (RuntimeException e) {
      // ignored on purpose
    }
  }

  @Override
  public void attemptFinished(AttemptFinished finished) {
    try {
      delegate.attemptFinished(finished);
    } catch (RuntimeException e) {
      // ignored on purpose
    }
  }
}
