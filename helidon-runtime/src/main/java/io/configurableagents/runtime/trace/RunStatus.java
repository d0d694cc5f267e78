package io.configurableagents.runtime.trace;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a recorded run stands; the wire names match the job API's where they overlap. */
public enum RunStatus {
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELLED,
  /** The process stopped while the run was going (its trace was checkpointed, never finished). */
  INTERRUPTED;

  /** {@code running}, {@code completed}... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<RunStatus> fromId(String id) {
    return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
  }
}
