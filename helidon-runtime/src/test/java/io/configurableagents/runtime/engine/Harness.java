package io.configurableagents.runtime.engine;

import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.yaml.WorkflowLoader;
import io.configurableagents.runtime.llm.LlmClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Builds engines from workflow text and runs them with their events recorded. */
final class Harness {
  /** A key for every provider, and for the search tools (whose calls the scripted models rarely make). */
  static final Map<String, String> KEYS =
      Map.of(
          "GOOGLE_API_KEY", "g-test-key-0123456789",
          "OPENAI_API_KEY", "sk-test-key-0123456789",
          "ANTHROPIC_API_KEY", "ant-test-key-0123456789",
          "SERPER_API_KEY", "serper-test-key-0123456789");

  /** {@link #KEYS}, and a fast back-off so retries do not slow the tests. */
  static final EngineOptions OPTIONS = EngineOptions.DEFAULT.withEnvironment(KEYS).withRetryBackoff(Duration.ofMillis(5));

  private Harness() {}

  static Workflow load(String yaml) {
    return WorkflowLoader.fromString("test.yaml", yaml).load();
  }

  static WorkflowEngine engine(String yaml, LlmClient client) {
    return engine(yaml, client, OPTIONS);
  }

  static WorkflowEngine engine(String yaml, LlmClient client, EngineOptions options) {
    return WorkflowEngine.create(load(yaml), options, spec -> client);
  }

  /** Runs to the end with a fresh control. */
  static Outcome run(WorkflowEngine engine, Map<String, Object> inputs) {
    return run(engine, inputs, RunControl.create());
  }

  static Outcome run(WorkflowEngine engine, Map<String, Object> inputs, RunControl control) {
    Recorder recorder = new Recorder();
    RunResult result = engine.run("run-1", engine.prepareInputs(inputs), control, recorder);
    return new Outcome(result, recorder.events());
  }

  /** A run's result and every event it emitted, in the order they arrived. */
  record Outcome(RunResult result, List<RunEvent> events) {

    Map<String, Object> outputs() {
      if (result instanceof RunResult.Succeeded s) {
        return s.outputs();
      }
      throw new AssertionError("the run did not succeed: " + result);
    }

    RunError error() {
      if (result instanceof RunResult.Failed f) {
        return f.error();
      }
      throw new AssertionError("the run did not fail: " + result);
    }

    /** The ids of the nodes that started, in order. */
    List<String> nodesStarted() {
      return of(RunEvent.NodeStarted.class).stream().map(e -> e.node().nodeId()).toList();
    }

    <T extends RunEvent> List<T> of(Class<T> type) {
      return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    int indexOf(Predicate<RunEvent> event) {
      for (int i = 0; i < events.size(); i++) {
        if (event.test(events.get(i))) {
          return i;
        }
      }
      throw new AssertionError("no such event in " + events);
    }
  }

  /** A thread-safe listener that keeps every event. */
  static final class Recorder implements RunListener {
    private final List<RunEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(RunEvent event) {
      events.add(event);
    }

    List<RunEvent> events() {
      return List.copyOf(events);
    }
  }
}
