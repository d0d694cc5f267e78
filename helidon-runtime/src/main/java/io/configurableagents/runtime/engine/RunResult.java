package io.configurableagents.runtime.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a run ended: succeeded with the final state, failed with a precise error, or cancelled;
 * each with the run's metadata (per-node timings, LLM attempts, token counts) kept apart from the
 * outputs.
 */
public sealed interface RunResult {

  RunMetadata metadata();

  /**
   * The run reached its end.
   *
   * @param outputs the final state (docs/runtime.md, "`POST /run`"): every declared field in declaration
   *     order, nested objects as maps, hidden values ({@code _loop_iteration_*},
   *     {@code _parallel_*}) left out; JSON data model values
   */
  record Succeeded(Map<String, Object> outputs, RunMetadata metadata) implements RunResult {
    public Succeeded {
      outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
      Objects.requireNonNull(metadata, "metadata");
    }
  }

  /** The run stopped at an error; nothing ran after it. */
  record Failed(RunError error, RunMetadata metadata) implements RunResult {
    public Failed {
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(metadata, "metadata");
    }
  }

  /** The run was cancelled through its {@link RunControl} (or its thread was interrupted). */
  record Cancelled(RunMetadata metadata) implements RunResult {
    public Cancelled {
      Objects.requireNonNull(metadata, "metadata");
    }
  }
}
