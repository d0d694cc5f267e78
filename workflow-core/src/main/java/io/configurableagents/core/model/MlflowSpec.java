package io.configurableagents.core.model;

import java.util.Optional;

/**
 * {@code config.observability.mlflow}. Only what this runtime uses is kept; the other keys are
 * validated and accepted.
 *
 * @param trackingUri where to export traces, when it is {@code http(s)://}
 * @param experimentId MLflow experiment id for the {@code x-mlflow-experiment-id} header
 *     ({@code experiment_id}, our extension; else the {@code MLFLOW_EXPERIMENT_ID} variable)
 * @param logPrompts whether prompts and responses are stored and exported (default true)
 */
public record MlflowSpec(
    boolean enabled,
    Optional<String> trackingUri,
    String experimentName,
    Optional<String> experimentId,
    Optional<String> runName,
    boolean logPrompts) {

  public static final MlflowSpec DEFAULT =
      new MlflowSpec(false, Optional.empty(), "configurable_agents", Optional.empty(), Optional.empty(), true);
}
