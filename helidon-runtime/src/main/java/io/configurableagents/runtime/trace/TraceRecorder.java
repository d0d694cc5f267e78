package io.configurableagents.runtime.trace;

import io.configurableagents.runtime.engine.RunEvent;
import io.configurableagents.runtime.engine.RunListener;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Turns the engine's events into traces: one per run, a span per node execution, per LLM
 * attempt and per tool call. Runs still going are kept here (the page shows them live); a finished trace is handed
 * to the sinks (the store, the exporters) and forgotten. Thread-safe; the work per event is a map
 * update, and nothing it does can fail a run.
 */
public final class TraceRecorder implements RunListener {
  private static final System.Logger LOG = System.getLogger(TraceRecorder.class.getName());

  private final String workflowVersion;
  private final ContentPolicy content;
  private final List<TraceSink> sinks;
  private final Clock clock;
  private final Map<String, RunTrace> running = new ConcurrentHashMap<>();
  private final AtomicBoolean failureLogged = new AtomicBoolean();

  public TraceRecorder(String workflowVersion, TraceSettings settings, List<TraceSink> sinks, Clock clock) {
    this.workflowVersion = workflowVersion;
    this.content = settings.contentPolicy();
    this.sinks = List.copyOf(sinks);
    this.clock = clock;
  }

  @Override
  public void onEvent(RunEvent event) {
    try {
      record(event);
    } catch (RuntimeException e) {
      if (failureLogged.compareAndSet(false, true)) {
        LOG.log(Level.WARNING, "traces: an event could not be recorded (the run goes on; logged once)", e);
      }
    }
  }

  /** The trace of a run still going, as it stands now. */
  public Optional<Trace> live(String jobId) {
    return Optional.ofNullable(running.get(jobId)).map(t -> t.snapshot(clock.instant()));
  }

  /** The runs still going, newest first. */
  public List<TraceSummary> live() {
    return running.values().stream()
        .map(t -> t.snapshot(clock.instant()).summary())
        .sorted(Comparator.comparing(TraceSummary::startedAt).reversed())
        .toList();
  }

  private void record(RunEvent event) {
    switch (event) {
      case RunEvent.RunStarted e -> started(e);
      case RunEvent.NodeStarted e -> with(e, t -> t.nodeStarted(e));
      case RunEvent.NodeFinished e -> with(e, t -> t.nodeFinished(e));
      case RunEvent.NodeFailed e -> with(e, t -> t.nodeFailed(e));
      case RunEvent.LlmAttemptStarted e -> with(e, t -> t.attemptStarted(e));
      case RunEvent.LlmAttemptFinished e -> with(e, t -> t.attemptFinished(e));
      case RunEvent.ToolCallStarted e -> with(e, t -> t.toolStarted(e));
      case RunEvent.ToolCallFinished e -> with(e, t -> t.toolFinished(e));
      case RunEvent.RouteChosen e -> with(e, t -> t.routeChosen(e));
      case RunEvent.RunFinished e -> finished(e);
    }
  }

  private void started(RunEvent.RunStarted e) {
    RunTrace trace = new RunTrace(e, workflowVersion, content);
    running.put(e.runId(), trace);
    Trace checkpoint = trace.snapshot(e.timestamp());
    sinks.forEach(s -> handOver(() -> s.started(checkpoint)));
  }

  private void finished(RunEvent.RunFinished e) {
    RunTrace trace = running.get(e.runId());
    if (trace == null) {
      return;
    }
    trace.finished(e, RunOutcome.of(e.result()));
    Trace done = trace.snapshot(e.timestamp());
    sinks.forEach(s -> handOver(() -> s.finished(done)));
    running.remove(e.runId(), trace);
  }

  private void with(RunEvent event, Consumer<RunTrace> change) {
    RunTrace trace = running.get(event.runId());
    if (trace != null) {
      change.accept(trace);
    }
  }

  private void handOver(Runnable toSink) {
    try {
      toSink.run();
    } catch (RuntimeException e) {
      if (failureLogged.compareAndSet(false, true)) {
        LOG.log(Level.WARNING, "traces: a trace could not be handed over (the run goes on; logged once)", e);
      }
    }
  }
}
