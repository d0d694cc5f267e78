package io.configurableagents.runtime.engine;

/**
 * Process-wide engine settings that the workflow file does not decide (the file's
 * {@code config.execution} wins where it speaks). The exact fields are the engine's to define,
 * e.g. a step-limit override.
 */
public record EngineOptions() {
  public static final EngineOptions DEFAULT = new EngineOptions();
}
