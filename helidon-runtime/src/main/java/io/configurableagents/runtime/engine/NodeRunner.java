package io.configurableagents.runtime.engine;

import io.configurableagents.core.WorkflowException;
import io.configurableagents.core.expr.Template;
import io.configurableagents.core.expr.TemplateRenderException;
import io.configurableagents.runtime.llm.LlmClient;
import io.configurableagents.runtime.llm.MissingEnvironmentException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs one node execution: claims a step (the step limit), checks the deadline and cancellation,
 * emits the node's events, records its cost, and for an LLM node renders the input mappings and
 * the prompt, checks the provider key and asks the model (docs/engine.md, "One node").
 */
final class NodeRunner {
  private final Run run;
  private final AttemptLoop attempts;

  NodeRunner(Run run) {
    this.run = run;
    this.attempts = new AttemptLoop(run);
  }

  /** What a node execution produced: its updates, not yet applied to any state. */
  record Executed(NodeExecution execution, Map<String, Object> updates) {}

  /**
   * Runs {@code nodeId} against {@code state}.
   *
   * @param item the {@code parallel} item, if this is one
   * @param iteration the shared iteration of a parallel map, or 0 to count a new one
   */
  Executed execute(String nodeId, WorkflowState state, Scope scope, Optional<StateView.Item> item, int iteration) {
    scope.checkNotStopped();
    if (run.deadline().passed()) {
      throw run.limits().timeout(nodeId, "about to start");
    }
    int step = run.counters().claimStep(run.limits().maxSteps()).orElseThrow(() -> run.limits().stepLimit(nodeId));
    int iter = iteration > 0 ? iteration : run.counters().nextIteration(nodeId);
    OptionalInt index = item.map(i -> OptionalInt.of(i.index())).orElse(OptionalInt.empty());
    NodeExecution exec = new NodeExecution(nodeId, step, iter, index);
    Instant startedAt = run.now();
    long startNanos = System.nanoTime();
    run.emit(new RunEvent.NodeStarted(run.id(), startedAt, exec));
    Cost cost = new Cost();
    try {
      Map<String, Object> updates =
          switch (run.graph().node(nodeId)) {
            case Node.CodeNode code -> throw new RunFailure(RunError.at(EngineError.UNSUPPORTED_NODE, nodeId, nodeId));
            case LlmNode llm -> callModel(llm, exec, new StateView(state, run.counters(), item), scope, cost);
          };
      Duration took = since(startNanos);
      run.emit(new RunEvent.NodeFinished(run.id(), run.now(), exec, took, updates));
      run.record(new NodeRecord(exec, startedAt, took, cost.attempts, cost.inputTokens, cost.outputTokens, true));
      return new Executed(exec, updates);
    } catch (RunFailure f) {
      failed(exec, startedAt, startNanos, cost, f.error());
      throw f;
    } catch (RunStopped s) {
      EngineError why = s.cancelled() ? EngineError.CANCELLED : EngineError.ABANDONED;
      failed(exec, startedAt, startNanos, cost, RunError.at(why, nodeId, nodeId));
      throw s;
    } catch (RuntimeException e) {
      RunFailure f = new RunFailure(RunError.at(EngineError.INTERNAL_ERROR, nodeId, " at node \"" + nodeId + "\"", e));
      failed(exec, startedAt, startNanos, cost, f.error());
      throw f;
    }
  }

  private Map<String, Object> callModel(LlmNode node, NodeExecution exec, StateView view, Scope scope, Cost cost) {
    Map<String, String> inputs;
    String prompt;
    try {
      inputs = Template.renderInputs(node.spec().inputs(), view);
      prompt = node.spec().prompt().render(view, inputs);
    } catch (TemplateRenderException e) {
      throw new RunFailure(RunError.at(EngineError.TEMPLATE_ERROR, node.id(), node.id(), e.getMessage()));
    }
    LlmClient client;
    try {
      client = node.client();
    } catch (MissingEnvironmentException e) {
      throw new RunFailure(RunError.at(EngineError.MISSING_API_KEY, node.id(), e.getMessage()));
    } catch (WorkflowException e) {
      throw new RunFailure(RunError.at(EngineError.PROVIDER_ERROR, node.id(), node.id(), run.redact(e.getMessage())));
    }
    return attempts.run(node, exec, client, prompt, scope, cost);
  }

  private void failed(NodeExecution exec, Instant startedAt, long startNanos, Cost cost, RunError error) {
    Duration took = since(startNanos);
    run.emit(new RunEvent.NodeFailed(run.id(), run.now(), exec, took, error));
    run.record(new NodeRecord(exec, startedAt, took, cost.attempts, cost.inputTokens, cost.outputTokens, false));
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
