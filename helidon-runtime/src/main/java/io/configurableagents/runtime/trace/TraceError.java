package io.configurableagents.runtime.trace;

import io.configurableagents.runtime.engine.RunError;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a run or a node failed, as the job API shows it.
 *
 * @param type the engine's wire name, e.g. {@code provider_error}
 * @param node the node that was running, when one was
 */
public record TraceError(String type, Optional<String> node, String message) {
  public TraceError {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(message, "message");
  }

  static TraceError of(RunError error, ContentPolicy content) {
    return new TraceError(error.type().id(), error.node(), content.message(error.message()));
  }
}
