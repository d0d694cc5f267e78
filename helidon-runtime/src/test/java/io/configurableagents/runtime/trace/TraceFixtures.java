package io.configurableagents.runtime.trace;

import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.yaml.WorkflowLoader;
import io.configurableagents.runtime.engine.EngineOptions;
import io.configurableagents.runtime.engine.RunControl;
import io.configurableagents.runtime.engine.WorkflowEngine;
import io.configurableagents.runtime.llm.LlmClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Workflows run by the real engine with a scripted LLM, their traces caught by a real recorder. */
final class TraceFixtures {
  static final String API_KEY = "sk-test-key-0123456789abcdef";
  static final EngineOptions OPTIONS =
      EngineOptions.DEFAULT.withEnvironment(Map.of("OPENAI_API_KEY", API_KEY)).withRetryBackoff(Duration.ofMillis(1));

  static final String TWO_NODES = """
      schema_version: "1.0"
      flow: {name: story, version: "2.1.0"}
      state:
        fields:
          topic: {type: str, required: true}
          outline: {type: str, default: ""}
          story: {type: str, default: ""}
      nodes:
        - id: plan
          prompt: "Outline a story about {topic}"
          outputs: [outline]
          output_schema: {type: str}
        - id: write
          prompt: "Write the story from {outline}"
          outputs: [story]
          output_schema: {type: str}
      edges:
        - {from: START, to: plan}
        - {from: plan, to: write}
        - {from: write, to: END}
      config:
        llm: {provider: openai, model: gpt-4o-mini}
      """;

  private TraceFixtures() {}

  static Workflow load(String yaml) {
    return WorkflowLoader.fromString("workflow.yaml", yaml).load();
  }

  /** Collects what the recorder hands over. */
  static final class Collected implements TraceSink {
    final List<Trace> started = new ArrayList<>();
    final List<Trace> finished = new ArrayList<>();

    @Override
    public synchronized void started(Trace trace) {
      started.add(trace);
    }

    @Override
    public synchronized void finished(Trace trace) {
      finished.add(trace);
    }

    synchronized Trace last() {
      return finished.get(finished.size() - 1);
    }
  }

  /** Runs {@code yaml} once with {@code llm} and returns its finished trace. */
  static Trace run(String yaml, LlmClient llm, Map<String, Object> inputs, TraceSettings settings) {
    Workflow workflow = load(yaml);
    Collected sink = new Collected();
    TraceRecorder recorder = new TraceRecorder(workflow.versionOrDefault(), settings, List.of(sink), Clock.systemUTC());
    WorkflowEngine engine = WorkflowEngine.create(workflow, OPTIONS, spec -> llm);
    engine.run("job-1", engine.prepareInputs(inputs), RunControl.create(), recorder);
    return sink.last();
  }

  static TraceSettings logging(boolean prompts) {
    return new TraceSettings(prompts, List.of(API_KEY), TraceRetention.DEFAULT, List.of(), "story", Map.of(), 65_536);
  }
}
