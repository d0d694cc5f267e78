package io.configurableagents.core.model;

/**
 * The parts of {@code config} that change what a run does.
 *
 * @param llm {@code config.llm}, {@link LlmSpec#EMPTY} when absent
 */
public record WorkflowConfig(LlmSpec llm, ExecutionSpec execution, MlflowSpec mlflow) {
  public static final WorkflowConfig DEFAULT =
      new WorkflowConfig(LlmSpec.EMPTY, ExecutionSpec.DEFAULT, MlflowSpec.DEFAULT);
}
