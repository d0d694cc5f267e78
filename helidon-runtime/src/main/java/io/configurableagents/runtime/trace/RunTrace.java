package io.configurableagents.runtime.trace;

import io.configurableagents.runtime.engine.NodeExecution;
import io.configurableagents.runtime.engine.RunEvent;
import io.configurableagents.runtime.engine.TraceParent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The trace of one run while its events arrive: spans keyed by node execution (and attempt), in
 * the order they started. Its methods are synchronized: the branches of a run report concurrently.
 */
final class RunTrace {
  /** More spans than this in one run are counted, not kept (a run with a huge step limit). */
  static final int MAX_SPANS = 5_000;

  private final String jobId;
  private final String workflow;
  private final String version;
  private final ContentPolicy content;
  private final String traceId;
  private final String rootSpanId = SpanIds.spanId();
  private final Optional<String> callerSpanId;
  private final Instant startedAt;
  private final Map<String, Object> inputs;
  private final Map<String, Span> spans = new LinkedHashMap<>();
  private final Map<String, Integer> latestStepOfNode = new HashMap<>();
  private long spansDropped;
  private RunStatus status = RunStatus.RUNNING;
  private Optional<Instant> endedAt = Optional.empty();
  private Optional<Duration> duration = Optional.empty();
  private Optional<Map<String, Object>> outputs = Optional.empty();
  private Optional<TraceError> error = Optional.empty();

  RunTrace(RunEvent.RunStarted started, String version, ContentPolicy content) {
    this.jobId = started.runId();
    this.workflow = started.workflow();
    this.version = version;
    this.content = content;
    this.startedAt = started.timestamp();
    this.traceId = started.traceParent().map(TraceParent::traceId).orElseGet(SpanIds::traceId);
    this.callerSpanId = started.traceParent().map(TraceParent::parentSpanId);
    this.inputs = content.values(started.initialState());
  }

  synchronized void nodeStarted(RunEvent.NodeStarted e) {
    NodeExecution node = e.node();
    latestStepOfNode.put(node.nodeId(), node.step());
    add(nodeKey(node.step()), new NodeSpan(SpanIds.spanId(), rootSpanId, node, e.timestamp(), Optional.empty(), Optional.empty()));
  }

  synchronized void nodeFinished(RunEvent.NodeFinished e) {
    endNode(e.node(), new NodeSpan.End(e.duration(), content.answer(e.updates()), Optional.empty()));
  }

  synchronized void nodeFailed(RunEvent.NodeFailed e) {
    endNode(e.node(), new NodeSpan.End(e.duration(), Map.of(), Optional.of(TraceError.of(e.error(), content))));
  }

  synchronized void attemptStarted(RunEvent.LlmAttemptStarted e) {
    String parent = spans.containsKey(nodeKey(e.node().step())) ? spans.get(nodeKey(e.node().step())).spanId() : rootSpanId;
    add(
        attemptKey(e.node().step(), e.attempt()),
        new LlmSpan(SpanIds.spanId(), parent, e.node(), e.attempt(), e.target(), e.timestamp(), content.text(e.prompt()), Optional.empty()));
  }

  synchronized void attemptFinished(RunEvent.LlmAttemptFinished e) {
    update(attemptKey(e.node().step(), e.attempt()), span -> ((LlmSpan) span).ended(AttemptEnd.of(e, content)));
  }

  synchronized void toolStarted(RunEvent.ToolCallStarted e) {
    String parent = spans.containsKey(nodeKey(e.node().step())) ? spans.get(nodeKey(e.node().step())).spanId() : rootSpanId;
    add(
        toolKey(e.node().step(), e.round(), e.call().id()),
        new ToolSpan(SpanIds.spanId(), parent, e.node(), e.round(), e.call().id(), e.call().name(), e.timestamp(),
            content.text(e.call().arguments()), Optional.empty()));
  }

  synchronized void toolFinished(RunEvent.ToolCallFinished e) {
    ToolSpan.End end = new ToolSpan.End(e.duration(), content.text(e.result()), e.error().map(content::message));
    update(toolKey(e.node().step(), e.round(), e.call().id()), span -> ((ToolSpan) span).ended(end));
  }

  synchronized void routeChosen(RunEvent.RouteChosen e) {
    int step = e.step() > 0 ? e.step() : latestStepOfNode.getOrDefault(e.from(), 0);
    List<String> failed = e.failedConditions().stream().map(f -> f.condition() + ": " + content.message(f.message())).toList();
    NodeSpan.Route route = new NodeSpan.Route(e.to(), content.message(e.reason()), failed);
    update(nodeKey(step), span -> ((NodeSpan) span).routed(route));
  }

  synchronized void finished(RunEvent.RunFinished e, RunOutcome outcome) {
    status = outcome.status();
    endedAt = Optional.of(e.timestamp());
    duration = Optional.of(outcome.duration());
    outputs = outcome.outputs().map(content::values);
    error = outcome.error().map(err -> TraceError.of(err, content));
    closeOpenSpans(e.timestamp());
  }

  /** An immutable copy of what is known now; {@code now} gives a running run its duration so far. */
  synchronized Trace snapshot(Instant now) {
    List<Span> all = new ArrayList<>(spans.values());
    int nodes = (int) all.stream().filter(NodeSpan.class::isInstance).count();
    List<LlmSpan> attempts = all.stream().filter(LlmSpan.class::isInstance).map(LlmSpan.class::cast).toList();
    long in = attempts.stream().flatMap(a -> a.end().stream()).mapToLong(LlmSpan.End::inputTokens).sum();
    long out = attempts.stream().flatMap(a -> a.end().stream()).mapToLong(LlmSpan.End::outputTokens).sum();
    Duration soFar = duration.orElseGet(() -> positive(Duration.between(startedAt, now)));
    TraceSummary summary =
        new TraceSummary(jobId, workflow, version, status, startedAt, endedAt, soFar, nodes, attempts.size(), in, out, error);
    return new Trace(summary, traceId, rootSpanId, callerSpanId, content.logPrompts(), spansDropped, inputs, outputs, all);
  }

  private void endNode(NodeExecution node, NodeSpan.End end) {
    update(nodeKey(node.step()), span -> ((NodeSpan) span).ended(end));
  }

  private void add(String key, Span span) {
    if (spans.size() >= MAX_SPANS) {
      spansDropped++;
      return;
    }
    spans.put(key, span);
  }

  private void update(String key, UnaryOperator<Span> change) {
    spans.computeIfPresent(key, (k, span) -> change.apply(span));
  }

  /** Spans whose end never came (an abandoned branch): ended with the run. */
  private void closeOpenSpans(Instant end) {
    spans.replaceAll((key, span) -> span.duration().isPresent() ? span : closed(span, end));
  }

  private Span closed(Span span, Instant end) {
    Duration open = positive(Duration.between(span.startedAt(), end));
    String why = "still open when the run ended (" + status.id() + ")";
    return switch (span) {
      case NodeSpan n -> n.ended(new NodeSpan.End(open, Map.of(), Optional.of(new TraceError("abandoned", Optional.of(n.node().nodeId()), why))));
      case LlmSpan l -> l.ended(AttemptEnd.abandoned(open, why));
      case ToolSpan t -> t.ended(new ToolSpan.End(open, content.text(""), Optional.of(why)));
    };
  }

  private static Duration positive(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }

  private static String nodeKey(int step) {
    return "n" + step;
  }

  private static String toolKey(int step, int round, String callId) {
    return "t" + step + "." + round + "." + callId;
  }

  private static String attemptKey(int step, int attempt) {
    return "a" + step + "." + attempt;
  }
}
