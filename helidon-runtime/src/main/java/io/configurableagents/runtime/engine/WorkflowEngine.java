package io.configurableagents.runtime.engine;

import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.types.CoercionResult;
import io.configurableagents.runtime.llm.LlmClients;
import java.util.List;
import java.util.Map;

/**
 * Runs one validated workflow, many times, concurrently. Created once per process: compiles the
 * workflow into an immutable graph and keeps the provider clients.
 *
 * <p>The engine never logs and never starts threads of its own for a run's main path: the caller
 * (the job layer) runs {@link #run} on a virtual thread of its choice. Fan-out branches and
 * parallel items run on virtual threads the engine starts and joins.
 */
public final class WorkflowEngine {

  private WorkflowEngine() {}

  /** Compiles the workflow. */
  public static WorkflowEngine create(Workflow workflow, EngineOptions options, LlmClients clients) {
    throw new UnsupportedOperationException("WorkflowEngine: not implemented yet");
  }

  public Workflow workflow() {
    throw new UnsupportedOperationException("WorkflowEngine: not implemented yet");
  }

  /**
   * Coerces and checks a caller's inputs with workflow-core's rules (every problem at once), giving
   * the initial state. Cheap; the HTTP layer calls it before creating a job (422 on problems).
   */
  public CoercionResult prepareInputs(Map<String, Object> inputs) {
    throw new UnsupportedOperationException("WorkflowEngine: not implemented yet");
  }

  /**
   * The environment variables the workflow's providers need and the environment lacks, in node
   * order. A run that needs one of them fails at once naming it; readiness reports them.
   */
  public List<String> missingEnvironment() {
    throw new UnsupportedOperationException("WorkflowEngine: not implemented yet");
  }

  /**
   * Runs the workflow to the end on the calling thread: the result is the final state or a precise
   * error; never throws for a failure of the run itself.
   *
   * @param runId the job id, carried by every event
   * @param initialState the value of a successful {@link #prepareInputs}
   * @param control lets another thread cancel the run; carries the run's deadline
   * @param listener receives every {@link RunEvent}, in order per branch, on the thread that caused
   *     it; a listener that throws is ignored (it never fails a run)
   */
  public RunResult run(String runId, Map<String, Object> initialState, RunControl control, RunListener listener) {
    throw new UnsupportedOperationException("WorkflowEngine: not implemented yet");
  }
}
