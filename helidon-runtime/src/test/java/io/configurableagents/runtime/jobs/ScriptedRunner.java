package io.configurableagents.runtime.jobs;

import io.configurableagents.core.model.SourceLocation;
import io.configurableagents.core.model.StateField;
import io.configurableagents.core.model.TypeRef;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.model.WorkflowConfig;
import io.configurableagents.runtime.engine.PreparedInputs;
import io.configurableagents.runtime.engine.RunControl;
import io.configurableagents.runtime.engine.TraceParent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A runner for job-layer tests that need exact control over when a run ends: each run waits for
 * {@link #release()} (or its interruption), then answers with the script. Counts its runs.
 */
public final class ScriptedRunner implements WorkflowRunner {
  private static final Workflow ECHO = echoWorkflow();
  private final AtomicInteger runs = new AtomicInteger();
  private final AtomicInteger interrupted = new AtomicInteger();
  private final List<String> missing = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private volatile Function<Map<String, Object>, JobState.Terminal> script = ScriptedRunner::echo;

  /** Runs wait until {@link #release()}. */
  public ScriptedRunner holding() {
    gate = new CountDownLatch(1);
    return this;
  }

  /** Back to answering at once with the echo script, nothing missing. */
  public void reset() {
    gate.countDown();
    script = ScriptedRunner::echo;
    missing.clear();
  }

  public void release() {
    gate.countDown();
  }

  public ScriptedRunner answering(Function<Map<String, Object>, JobState.Terminal> script) {
    this.script = script;
    return this;
  }

  public ScriptedRunner missing(String variable) {
    missing.add(variable);
    return this;
  }

  public int runs() {
    return runs.get();
  }

  public int interrupted() {
    return interrupted.get();
  }

  @Override
  public Workflow workflow() {
    return ECHO;
  }

  /** {@code message} is a required str; {@code result} an optional str. */
  @Override
  public PreparedInputs prepareInputs(Map<String, Object> inputs) {
    return PreparedInputs.coerce(ECHO, inputs);
  }

  /** The inputs of a run of the echo workflow (for tests of the job layer). */
  public static PreparedInputs inputs(Map<String, Object> inputs) {
    return PreparedInputs.coerce(ECHO, inputs);
  }

  @Override
  public List<String> missingEnvironment() {
    return List.copyOf(missing);
  }

  @Override
  public JobState.Terminal run(String jobId, PreparedInputs inputs, Optional<TraceParent> traceParent, RunControl control) {
    runs.incrementAndGet();
    try {
      gate.await();
    } catch (InterruptedException e) {
      interrupted.incrementAndGet();
      return JobState.CANCELLED;
    }
    return script.apply(inputs.state());
  }

  static JobState.Terminal echo(Map<String, Object> state) {
    Map<String, Object> outputs = new LinkedHashMap<>(state);
    outputs.put("result", state.get("message"));
    return new JobState.Completed(outputs);
  }

  public static Workflow echoWorkflow() {
    SourceLocation at = new SourceLocation("echo.yaml", 1, 1);
    Map<String, StateField> state = new LinkedHashMap<>();
    state.put("message", new StateField("message", new TypeRef.Str(), true, Optional.empty(), Optional.of("The message to echo back"), at));
    state.put("result", new StateField("result", new TypeRef.Str(), false, Optional.of(""), Optional.of("The echoed result"), at));
    return new Workflow("echo", Optional.of("Minimal echo workflow"), Optional.empty(), state, List.of(), List.of(), WorkflowConfig.DEFAULT, "echo.yaml");
  }
}
