package io.configurableagents.runtime.jobs;

import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.types.CoercionResult;
import io.configurableagents.runtime.engine.RunControl;
import java.util.List;
import java.util.Map;

/**
 * What the job and HTTP layers need from the engine. The production implementation is
 * {@link EngineRunner}, over {@link io.configurableagents.runtime.engine.WorkflowEngine}.
 */
public interface WorkflowRunner {

  Workflow workflow();

  /** Coerces and checks a caller's inputs, every problem at once; the value is the initial state. */
  CoercionResult prepareInputs(Map<String, Object> inputs);

  /** The environment variables the workflow's providers need and the environment lacks. */
  List<String> missingEnvironment();

  /**
   * Runs to the end on the calling thread. Never throws for a failure of the run itself (that is a
   * {@link JobState.Failed}); returns soon after {@code control} is cancelled or the thread is
   * interrupted.
   */
  JobState.Terminal run(String jobId, Map<String, Object> initialState, RunControl control);
}
