package io.configurableagents.deploy;

import java.util.Objects;
import java.util.Optional;

/**
 * How a deployed container's runtime answers: whether {@code GET /health} answers, and whether
 * its readiness check says runs can succeed (with the reason when not).
 *
 * @param state what was found
 * @param reason why it is not ready (the runtime's own words), or why nothing could be asked
 */
public record Health(State state, Optional<String> reason) {
  public enum State {
    /** {@code /health} answers and the runtime is ready. */
    READY,
    /** {@code /health} answers, but the readiness check is down ({@link #reason} says why). */
    NOT_READY,
    /** The container runs, but {@code /health} does not answer (starting, or hung). */
    NOT_ANSWERING,
    /** The container does not run: nothing to ask. */
    NOT_RUNNING,
    /** The container runs, but its API is not reachable from this machine ({@link #reason} says why). */
    UNKNOWN
  }

  public Health {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(reason, "reason");
  }

  public static Health ready() {
    return new Health(State.READY, Optional.empty());
  }

  public static Health notReady(String reason) {
    return new Health(State.NOT_READY, Optional.of(reason));
  }

  public static Health notAnswering() {
    return new Health(State.NOT_ANSWERING, Optional.empty());
  }

  public static Health notRunning() {
    return new Health(State.NOT_RUNNING, Optional.empty());
  }

  public static Health unknown(String reason) {
    return new Health(State.UNKNOWN, Optional.of(reason));
  }

  /** Whether {@code GET /health} answered. */
  public boolean answers() {
    return state == State.READY || state == State.NOT_READY;
  }
}
