package io.configurableagents.runtime.jobs;

import io.configurableagents.core.model.Workflow;
import io.configurableagents.runtime.engine.PreparedInputs;
import io.configurableagents.runtime.engine.RunControl;
import io.configurableagents.runtime.engine.RunError;
import io.configurableagents.runtime.engine.RunListener;
import io.configurableagents.runtime.engine.RunResult;
import io.configurableagents.runtime.engine.TraceParent;
import io.configurableagents.runtime.engine.WorkflowEngine;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The engine as the job layer sees it: runs become job outcomes. */
public final class EngineRunner implements WorkflowRunner {
  private final WorkflowEngine engine;
  private final RunListener listener;

  public EngineRunner(WorkflowEngine engine, RunListener listener) {
    this.engine = engine;
    this.listener = listener;
  }

  @Override
  public Workflow workflow() {
    return engine.workflow();
  }

  @Override
  public PreparedInputs prepareInputs(Map<String, Object> inputs) {
    return engine.prepareInputs(inputs);
  }

  @Override
  public List<String> missingEnvironment() {
    return engine.missingEnvironment();
  }

  @Override
  public JobState.Terminal run(String jobId, PreparedInputs inputs, Optional<TraceParent> traceParent, RunControl control) {
    return outcome(engine.run(jobId, inputs, traceParent, control, listener));
  }

  static JobState.Terminal outcome(RunResult result) {
    return switch (result) {
      case RunResult.Succeeded succeeded -> new JobState.Completed(succeeded.outputs());
      case RunResult.Failed failed -> new JobState.Failed(jobError(failed.error()));
      case RunResult.Cancelled cancelled -> JobState.CANCELLED;
    };
  }

  private static JobError jobError(RunError error) {
    return new JobError(error.type().id(), error.node(), error.message(), error.providerFailure());
  }
}
