package io.configurableagents.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.runtime.llm.ToolCall;
import io.configurableagents.runtime.llm.ToolRound;
import io.configurableagents.runtime.tools.ToolBinding;
import io.configurableagents.runtime.tools.ToolException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the tool calls of one model turn (docs/engine.md, "Tools"): each on a virtual thread of its
 * own, all at once, each within its tool's timeout, the run's deadline and stop signal. A result
 * longer than the tool's cap is cut with a note. A call with bad input, or of a tool the node does
 * not have, tells the model what was wrong; any other failure fails the node unless the tool says
 * {@code on_error: continue}, in which case the model reads the error as the result.
 */
final class ToolRunner {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Run run;

  ToolRunner(Run run) {
    this.run = run;
  }

  /** Runs the calls, reports each, and gives the round to send back; throws {@link RunFailure} for a failure that ends the node. */
  ToolRound run(LlmNode node, NodeExecution exec, int round, String text, List<ToolCall> requested, Scope scope) {
    List<Call> calls = new ArrayList<>(requested.size());
    for (int i = 0; i < requested.size(); i++) {
      ToolCall c = requested.get(i);
      ToolCall call = c.id().isEmpty() ? new ToolCall("call_" + round + "_" + (i + 1), c.name(), c.arguments()) : c;
      calls.add(start(node, exec, round, call));
    }
    List<String> results = new ArrayList<>(calls.size());
    try {
      for (Call call : calls) {
        results.add(finish(node, exec, round, call, scope));
      }
    } finally {
      for (Call call : calls) {
        call.abandon(this, exec, round);
      }
    }
    return new ToolRound(text, calls.stream().map(Call::call).toList(), results);
  }

  private Call start(LlmNode node, NodeExecution exec, int round, ToolCall call) {
    run.emit(new RunEvent.ToolCallStarted(run.id(), run.now(), exec, round, call));
    Optional<ToolBinding> binding = node.tool(call.name());
    Call started = new Call(call, binding, System.nanoTime());
    if (binding.isEmpty()) {
      started.outcome.completeExceptionally(ToolException.badInput(
          "there is no tool \"" + call.name() + "\"; the tools are: " + String.join(", ", node.toolNames())));
      return started;
    }
    ObjectNode input;
    try {
      JsonNode parsed = JSON.readTree(call.arguments().isBlank() ? "{}" : call.arguments());
      if (!(parsed instanceof ObjectNode object)) {
        throw ToolException.badInput("the arguments must be a JSON object, not " + call.arguments());
      }
      input = object;
    } catch (IOException e) {
      started.outcome.completeExceptionally(ToolException.badInput("the arguments are not JSON: " + call.arguments()));
      return started;
    } catch (ToolException e) {
      started.outcome.completeExceptionally(e);
      return started;
    }
    started.thread = Thread.ofVirtual().name("tool-" + call.name()).start(() -> {
      try {
        started.outcome.complete(binding.get().tool().call(input));
      } catch (Throwable t) {
        started.outcome.completeExceptionally(t);
      }
    });
    return started;
  }

  /** Waits for one call; the text for the model, or a RunFailure when the node must fail. */
  private String finish(LlmNode node, NodeExecution exec, int round, Call call, Scope scope) {
    Duration timeout = call.binding.map(ToolBinding::timeout).orElse(Duration.ofSeconds(1));
    Deadline callDeadline = Deadline.after(timeout.minusNanos(System.nanoTime() - call.startNanos));
    Deadline wait = callDeadline.atNanos() < run.deadline().atNanos() ? callDeadline : run.deadline();
    String error;
    boolean fatal;
    try {
      String raw = Waits.await(call.outcome, scope, wait);
      String result = call.binding.orElseThrow().capped(raw);
      call.reported = true;
      report(exec, round, call, result, Optional.empty());
      return result;
    } catch (Deadline.Passed passed) {
      if (run.deadline().passed()) {
        throw run.limits().timeout(node.id(), "running tool " + call.call().name());
      }
      error = "no result within its timeout of " + Limits.describe(timeout)
          + " (raise it with config: {timeout: SECONDS} on the tool, up to 600)";
      fatal = true;
    } catch (RunStopped stopped) {
      throw stopped;
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() instanceof ToolException ? e.getCause() : e;
      if (cause instanceof ToolException t) {
        error = run.redact(t.getMessage());
        fatal = t.kind() != ToolException.Kind.BAD_INPUT;
      } else {
        error = "unexpected failure: " + run.redact(String.valueOf(e.getMessage()));
        fatal = true;
      }
    }
    String told = "error: " + error;
    call.reported = true;
    report(exec, round, call, told, Optional.of(error));
    if (fatal && call.binding.map(b -> !b.continueOnError()).orElse(false)) {
      throw new RunFailure(RunError.at(EngineError.TOOL_ERROR, node.id(), node.id(), call.call().name(), error, call.call().name()));
    }
    return told;
  }

  private void report(NodeExecution exec, int round, Call call, String result, Optional<String> error) {
    Duration took = Duration.ofNanos(System.nanoTime() - call.startNanos);
    run.emit(new RunEvent.ToolCallFinished(run.id(), run.now(), exec, round, call.call(), took, result, error));
  }

  /** One call in flight. */
  private static final class Call {
    private final ToolCall call;
    private final Optional<ToolBinding> binding;
    private final long startNanos;
    private final CompletableFuture<String> outcome = new CompletableFuture<>();
    private Thread thread;
    private boolean reported;

    Call(ToolCall call, Optional<ToolBinding> binding, long startNanos) {
      this.call = call;
      this.binding = binding;
      this.startNanos = startNanos;
    }

    ToolCall call() {
      return call;
    }

    /** A call still running when the round ends early (a failure, the deadline, a stop): interrupted and reported. */
    void abandon(ToolRunner runner, NodeExecution exec, int round) {
      if (thread != null && !outcome.isDone()) {
        thread.interrupt();
      }
      if (!reported) {
        reported = true;
        runner.report(exec, round, this, "error: abandoned", Optional.of("abandoned: the node ended before this call"));
      }
    }
  }
}
