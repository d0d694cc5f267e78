package io.configurableagents.runtime.trace;

import io.configurableagents.core.model.Workflow;
import io.configurableagents.runtime.jobs.JobStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tracing for one running service, built once at start: the recorder the engine reports to, the
 * store under {@code DATA_DIR/traces}, the exporter when a target is configured, and the queries
 * the traces page answers.
 */
public record Tracing(TraceSettings settings, TraceRecorder recorder, TraceStore store, Optional<OtlpExporter> exporter, Traces traces)
    implements AutoCloseable {

  /** Reads the settings from the workflow and {@code env} (throws, naming the variable, on a bad value) and starts. */
  public static Tracing start(Workflow workflow, Path tracesDir, Map<String, String> env, Clock clock) {
    return start(workflow, TraceSettings.of(workflow.name(), workflow.config().mlflow(), env), tracesDir, clock);
  }

  /** Also makes a trace for each job of {@code jobs} a crash left without one (see {@link LostRuns}). */
  public static Tracing start(Workflow workflow, Path tracesDir, Map<String, String> env, Clock clock, JobStore jobs) {
    return start(workflow, TraceSettings.of(workflow.name(), workflow.config().mlflow(), env), tracesDir, clock, Optional.of(jobs));
  }

  public static Tracing start(Workflow workflow, TraceSettings settings, Path tracesDir, Clock clock) {
    return start(workflow, settings, tracesDir, clock, Optional.empty());
  }

  private static Tracing start(Workflow workflow, TraceSettings settings, Path tracesDir, Clock clock, Optional<JobStore> jobs) {
    LostRuns lost = jobs.map(j -> LostRuns.in(j, workflow.name(), workflow.versionOrDefault(), settings.contentPolicy())).orElse(LostRuns.NONE);
    TraceStore store = TraceStore.open(tracesDir, settings.retention(), clock, lost);
    Optional<OtlpExporter> exporter =
        settings.exportTargets().isEmpty()
            ? Optional.empty()
            : Optional.of(new OtlpExporter(settings.exportTargets(), new OtlpEncoder(resource(workflow, settings), version(), NodeFacts.of(workflow))));
    List<TraceSink> sinks = new ArrayList<>();
    sinks.add(store);
    exporter.ifPresent(sinks::add);
    TraceRecorder recorder = new TraceRecorder(workflow.versionOrDefault(), settings, sinks, clock);
    return new Tracing(settings, recorder, store, exporter, new Traces(recorder, store));
  }

  /** Lines for the start-up log: where traces are kept, whether prompts are, where they are exported. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    TraceStore.Recovery r = store.recovery();
    lines.add("traces: " + r.traces() + " kept, " + r.interrupted() + " marked interrupted by restart"
        + (r.rebuilt() > 0 ? ", " + r.rebuilt() + " made from the job store for jobs a crash left without one" : "")
        + (r.damaged() > 0 ? ", " + r.damaged() + " unreadable record(s) skipped" : "")
        + "; retention " + settings.retention().maxAge().toHours() + " h / " + settings.retention().maxCount() + " runs"
        + "; values cut after " + settings.maxValueChars() + " chars"
        + (settings.logPrompts() ? "" : "; prompts and responses not logged (sizes only)"));
    settings.exportTargets().forEach(t -> lines.add("traces: exported to " + t));
    return lines;
  }

  /** Exports what is queued (briefly) and writes what is pending. */
  @Override
  public void close() {
    exporter.ifPresent(e -> e.close(Duration.ofSeconds(2)));
    store.close();
  }

  private static Map<String, Object> resource(Workflow workflow, TraceSettings settings) {
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("service.name", settings.serviceName());
    resource.put("service.version", workflow.versionOrDefault());
    resource.put("telemetry.sdk.name", "configurable-agents");
    resource.put("telemetry.sdk.language", "java");
    resource.putAll(settings.resourceAttributes());
    return resource;
  }

  private static String version() {
    return Optional.ofNullable(Tracing.class.getPackage().getImplementationVersion()).orElse("dev");
  }
}
