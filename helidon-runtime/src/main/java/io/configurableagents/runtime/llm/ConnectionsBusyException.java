package io.configurableagents.runtime.llm;

import java.time.Duration;

/** Every connection to providers that {@code MAX_PROVIDER_CONNECTIONS} allows stayed in use while an exchange waited for one. */
final class ConnectionsBusyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ConnectionsBusyException(int maxConnections, Duration waited) {
    super("all " + maxConnections + " connections to providers (MAX_PROVIDER_CONNECTIONS) stayed in use for "
        + (waited.toMillis() % 1000 == 0 ? waited.toSeconds() + " s" : waited.toMillis() + " ms") + "; raise MAX_PROVIDER_CONNECTIONS (and the descriptor limit) or cap the runs with MAX_RUNS_IN_FLIGHT");
  }
}
