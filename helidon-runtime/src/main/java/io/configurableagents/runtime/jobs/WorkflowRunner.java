package io.configurableagents.runtime.jobs;

import io.configurableagents.core.model.Workflow;
import io.configurableagents.runtime.engine.PreparedInputs;
import io.configurableagents.runtime.engine.RunControl;
import io.configurableagents.runtime.engine.TraceParent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the job and HTTP layers need from the engine. The production implementation is
 * {@link EngineRunner}, over {@link io.configurableagents.runtime.engine.WorkflowEngine}.
 */
public interface WorkflowRunner {

  Workflow workflow();

  /**
   * Coerces and checks a caller's inputs into a run's initial state.
   *
   * @throws io.configurableagents.runtime.engine.InvalidInputsException listing every problem
   */
  PreparedInputs prepareInputs(Map<String, Object> inputs);

  /** The environment variables the workflow's providers need and the environment lacks. */
  List<String> missingEnvironment();

  /**
   * Runs to the end on the calling thread. Never throws for a failure of the run itself (that is a
   * {@link JobState.Failed}); returns soon after {@code control} is cancelled or the thread is
   * interrupted.
   *
   * @param traceParent the caller's trace context, when its request carried one
   */
  JobState.Terminal run(String jobId, PreparedInputs inputs, Optional<TraceParent> traceParent, RunControl control);
}
