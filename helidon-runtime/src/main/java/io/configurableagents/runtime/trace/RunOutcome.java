package io.configurableagents.runtime.trace;

import io.configurableagents.runtime.engine.RunError;
import io.configurableagents.runtime.engine.RunResult;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The parts of an engine's {@link RunResult} a trace keeps. */
record RunOutcome(RunStatus status, Duration duration, Optional<Map<String, Object>> outputs, Optional<RunError> error) {

  static RunOutcome of(RunResult result) {
    Duration duration = result.metadata().duration();
    return switch (result) {
      case RunResult.Succeeded s -> new RunOutcome(RunStatus.COMPLETED, duration, Optional.of(s.outputs()), Optional.empty());
      case RunResult.Failed f -> new RunOutcome(RunStatus.FAILED, duration, Optional.empty(), Optional.of(f.error()));
      case RunResult.Cancelled c -> new RunOutcome(RunStatus.CANCELLED, duration, Optional.empty(), Optional.empty());
    };
  }
}
