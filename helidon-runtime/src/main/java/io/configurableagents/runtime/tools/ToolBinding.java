package io.configurableagents.runtime.tools;

import java.time.Duration;
import java.util.Objects;

/**
 * A tool as one node lists it: the tool, what a failure does ({@code on_error}), and the limits
 * of its {@code config}.
 *
 * @param continueOnError {@code on_error: continue}: a failed call's error goes to the model as
 *     its result; otherwise ({@code fail}, the default) it fails the node
 * @param timeout how long one call may take ({@code config.timeout}, default 30 s)
 * @param maxResultChars longer results are cut, with a note to the model ({@code
 *     config.max_result_chars}, default 20,000)
 */
public record ToolBinding(Tool tool, boolean continueOnError, Duration timeout, int maxResultChars) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_RESULT_CHARS = 20_000;

  public ToolBinding {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(timeout, "timeout");
    if (maxResultChars < 1) {
      throw new IllegalArgumentException("maxResultChars must be positive, got " + maxResultChars);
    }
  }

  public String name() {
    return tool.definition().name();
  }

  /** {@code result} cut to {@link #maxResultChars}, with a note saying so. */
  public String capped(String result) {
    if (result.length() <= maxResultChars) {
      return result;
    }
    return result.substring(0, maxResultChars)
        + "\n[truncated: the result had " + result.length() + " characters; only the first " + maxResultChars
        + " are shown]";
  }
}
