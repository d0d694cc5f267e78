package io.configurableagents.runtime.engine;

import io.configurableagents.runtime.llm.SecretRedactor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One execution of a workflow: its identity, limits, counters, event sink and the records its
 * metadata is made of. Shared by the run's branches; every mutable part is thread-safe.
 */
final class Run {
  private final String id;
  private final CompiledWorkflow graph;
  private final EngineOptions options;
  private final RunListener listener;
  private final RunControl control;
  private final SecretRedactor redactor;
  private final Limits limits;
  private final Deadline deadline;
  private final RunCounters counters;
  private final AtomicLong writes = new AtomicLong();
  private final ConcurrentLinkedQueue<NodeRecord> records = new ConcurrentLinkedQueue<>();
  private final Instant startedAt;
  private final long startNanos;

  Run(
      String id,
      CompiledWorkflow graph,
      EngineOptions options,
      Limits limits,
      SecretRedactor redactor,
      RunControl control,
      RunListener listener) {
    this.id = id;
    this.graph = graph;
    this.options = options;
    this.limits = limits;
    this.redactor = redactor;
    this.control = control;
    this.listener = listener;
    this.startNanos = System.nanoTime();
    this.startedAt = options.clock().instant();
    this.deadline = Deadline.after(limits.timeout());
    this.counters = new RunCounters(graph);
  }

  String id() {
    return id;
  }

  CompiledWorkflow graph() {
    return graph;
  }

  EngineOptions options() {
    return options;
  }

  Limits limits() {
    return limits;
  }

  RunControl control() {
    return control;
  }

  Deadline deadline() {
    return deadline;
  }

  RunCounters counters() {
    return counters;
  }

  Instant startedAt() {
    return startedAt;
  }

  Instant now() {
    return options.clock().instant();
  }

  /** {@code text} with every provider API key of the environment masked. */
  String redact(String text) {
    return redactor.redact(text);
  }

  /** A run-wide sequence number for one write of state fields. */
  long nextWrite() {
    return writes.incrementAndGet();
  }

  /** Sends an event to the listener; a listener that throws never fails the run. */
  void emit(RunEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException ignored) {
      // listeners (traces, streaming) must not change what a run does
    }
  }

  void record(NodeRecord node) {
    records.add(node);
  }

  RunMetadata metadata() {
    List<NodeRecord> nodes = new ArrayList<>(records);
    return new RunMetadata(startedAt, Duration.ofNanos(System.nanoTime() - startNanos), counters.steps(), nodes);
  }
}
