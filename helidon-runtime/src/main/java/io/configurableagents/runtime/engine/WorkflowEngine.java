package io.configurableagents.runtime.engine;

import io.configurableagents.core.model.EnvironmentVariable;
import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.runtime.llm.LlmClient;
import io.configurableagents.runtime.llm.Environment;
import io.configurableagents.runtime.llm.LlmClients;
import io.configurableagents.runtime.llm.MissingEnvironmentException;
import io.configurableagents.runtime.llm.ProviderEnvironment;
import io.configurableagents.runtime.llm.SecretRedactor;
import io.configurableagents.runtime.tools.Tools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs one validated workflow, many times, concurrently. Created once per process: compiles the
 * workflow into an immutable graph and keeps the provider clients.
 *
 * <pre>
 * WorkflowEngine engine = WorkflowEngine.create(workflow, EngineOptions.DEFAULT, clients);
 * PreparedInputs inputs = engine.prepareInputs(body);          // InvalidInputsException: 422
 * RunResult result = engine.run(jobId, inputs, RunControl.create(), listener);
 * </pre>
 *
 * <p>The engine never logs and never starts threads of its own for a run's main path: the caller
 * (the job layer) runs {@link #run} on a thread of its choice. Fan-out branches, parallel items
 * and LLM calls run on virtual threads the engine starts and joins (an LLM call is abandoned, not
 * joined, when the run is cancelled or its deadline passes).
 */
public final class WorkflowEngine {
  /** Where the file tools' default directory ({@code DATA_DIR/files}) lies when the caller names no data directory. */
  private static final String DEFAULT_DATA_DIR = "/app/data";
  private final CompiledWorkflow graph;
  private final EngineOptions options;
  private final Limits limits;
  /** The variables the providers need (looked up in the clients' environment) and the tools need (in the tools'). */
  private final List<Needed> requiredEnvironment;
  private final SecretRedactor redactor;

  private WorkflowEngine(CompiledWorkflow graph, EngineOptions options, Tools tools) {
    this.graph = graph;
    this.options = options;
    this.limits = Limits.of(graph.workflow().config().execution(), options);
    List<Needed> required = new ArrayList<>();
    ProviderEnvironment.of(graph.workflow()).required().forEach(v -> required.add(new Needed(v, options.environment())));
    tools.required(graph.workflow()).forEach(v -> required.add(new Needed(v, tools.settings().environment())));
    this.requiredEnvironment = List.copyOf(required);
    this.redactor = SecretRedactor.forProviderKeys(options.environment());
  }

  /**
   * Compiles the workflow; provider clients come from {@code clients}, created on first use and
   * shared with every other engine using them. API keys are looked up in the clients'
   * environment (it replaces {@link EngineOptions#environment()}).
   */
  public static WorkflowEngine create(Workflow workflow, EngineOptions options, LlmClients clients) {
    Objects.requireNonNull(options, "options");
    return create(workflow, options.withEnvironment(clients.environment()), clients::clientFor);
  }

  /**
   * Compiles the workflow with provider clients from {@code clients} and the nodes' tools from
   * {@code tools} (the process's {@link Tools}, whose settings come from the environment).
   */
  public static WorkflowEngine create(Workflow workflow, EngineOptions options, LlmClients clients, Tools tools) {
    Objects.requireNonNull(options, "options");
    return create(workflow, options.withEnvironment(clients.environment()), clients::clientFor, tools);
  }

  /**
   * Compiles the workflow, with provider clients from any source (a test's fake, for example).
   * Each node asks {@code clients} once, on its first run, for the client of its effective
   * settings (its {@code llm} merged over {@code config.llm}).
   */
  public static WorkflowEngine create(Workflow workflow, EngineOptions options, Function<LlmSpec, LlmClient> clients) {
    Objects.requireNonNull(options, "options");
    return create(workflow, options, clients, Tools.create(options.environment(), Path.of(DEFAULT_DATA_DIR)));
  }

  /** Compiles the workflow, with provider clients from any source and the tools of {@code tools}. */
  public static WorkflowEngine create(
      Workflow workflow, EngineOptions options, Function<LlmSpec, LlmClient> clients, Tools tools) {
    Objects.requireNonNull(workflow, "workflow");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(clients, "clients");
    Objects.requireNonNull(tools, "tools");
    return new WorkflowEngine(GraphCompiler.compile(workflow, clients, tools), options, tools);
  }

  public Workflow workflow() {
    return graph.workflow();
  }

  /**
   * Coerces and checks a caller's inputs with workflow-core's rules (every problem at once), giving
   * the initial state: every declared field in declaration order. Cheap; the HTTP layer calls it
   * before creating a job.
   *
   * @throws InvalidInputsException listing every problem (the API answers 422)
   */
  public PreparedInputs prepareInputs(Map<String, Object> inputs) {
    return PreparedInputs.coerce(graph.workflow(), inputs);
  }

  /**
   * The environment variables the workflow's providers need ({@link ProviderEnvironment}), then
   * the keys its tools need ({@code SERPER_API_KEY}...), that the environment lacks (unset or
   * blank): the {@code WorkflowEnvironment.required()} of workflow-core, the names of {@code
   * Workflow.requiredEnvironment()} when nothing is set. While one is missing, every
   * run fails at once with {@link EngineError#MISSING_API_KEY}, naming it; readiness reports them.
   */
  public List<String> missingEnvironment() {
    return missingIn().stream().map(EnvironmentVariable::name).toList();
  }

  private List<EnvironmentVariable> missingIn() {
    return requiredEnvironment.stream().filter(n -> n.in().variable(n.variable().name()).isEmpty()).map(Needed::variable).toList();
  }

  private record Needed(EnvironmentVariable variable, Environment in) {}

  /**
   * Runs the workflow to its end on the calling thread. Never throws for a failure of the run: the
   * result is the final state, a precise error, or cancelled.
   *
   * @param runId the job id, carried by every event
   * @param inputs from {@link #prepareInputs} of this engine, taken as they are
   * @param traceParent the caller's trace context, passed on in {@link RunEvent.RunStarted}
   * @param control lets another thread cancel the run; one control per run
   * @param listener receives every {@link RunEvent}; called on the thread that caused the event
   *     (branches call it concurrently, so it must be thread-safe); a listener that throws is
   *     ignored (it never fails a run)
   */
  public RunResult run(
      String runId, PreparedInputs inputs, Optional<TraceParent> traceParent, RunControl control, RunListener listener) {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(traceParent, "traceParent");
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(listener, "listener");
    if (inputs.workflow() != graph.workflow()) {
      throw new IllegalArgumentException("the inputs were prepared for another workflow; use this engine's prepareInputs");
    }
    Run run = new Run(runId, graph, options, limits, redactor, control, listener);
    run.emit(new RunEvent.RunStarted(runId, run.startedAt(), graph.workflow().name(), inputs.state(), traceParent));
    RunResult result = execute(run, inputs);
    run.emit(new RunEvent.RunFinished(runId, run.now(), result));
    if (control.wasInterrupted()) {
      Thread.currentThread().interrupt();
    }
    return result;
  }

  /** {@link #run} outside any caller's trace. */
  public RunResult run(String runId, PreparedInputs inputs, RunControl control, RunListener listener) {
    return run(runId, inputs, Optional.empty(), control, listener);
  }

  private RunResult execute(Run run, PreparedInputs inputs) {
    try {
      List<EnvironmentVariable> missing = missingIn();
      if (!missing.isEmpty()) {
        return new RunResult.Failed(missingKeys(missing), run.metadata());
      }
      WorkflowState end = new Walker(run).walk(WorkflowState.initial(inputs.state()), Scope.root(run.control()));
      return new RunResult.Succeeded(end.values(), run.metadata());
    } catch (RunFailure f) {
      return new RunResult.Failed(f.error(), run.metadata());
    } catch (RunStopped s) {
      return new RunResult.Cancelled(run.metadata());
    } catch (RuntimeException e) {
      return new RunResult.Failed(RunError.of(EngineError.INTERNAL_ERROR, "", e), run.metadata());
    }
  }

  private static RunError missingKeys(List<EnvironmentVariable> missing) {
    String message = MissingEnvironmentException.forVariables(missing).getMessage();
    return RunError.at(EngineError.MISSING_API_KEY, missing.get(0).nodeIds().get(0), message);
  }
}
