package io.configurableagents.runtime.trace;

import io.configurableagents.runtime.engine.AttemptOutcome;
import io.configurableagents.runtime.engine.RunEvent;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** How an engine's attempt event becomes the end of an {@link LlmSpan}. */
final class AttemptEnd {
  private AttemptEnd() {}

  static LlmSpan.End of(RunEvent.LlmAttemptFinished e, ContentPolicy content) {
    Optional<Payload> response = e.response().map(content::text);
    return switch (e.outcome()) {
      case AttemptOutcome.Accepted a ->
          end(e, response, LlmSpan.Outcome.ACCEPTED, content.answer(a.result()), Optional.empty(), content);
      case AttemptOutcome.Rejected r ->
          end(e, response, LlmSpan.Outcome.REJECTED, Map.of(), Optional.of("answer rejected: " + r.problem()), content);
      case AttemptOutcome.ToolCalls t ->
          end(e, response, LlmSpan.Outcome.TOOL_CALLS, Map.of(), Optional.empty(), content);
      case AttemptOutcome.ProviderFailed f ->
          end(e, response, LlmSpan.Outcome.PROVIDER_FAILED, Map.of(), Optional.of(f.message()), content);
      case AttemptOutcome.Abandoned a ->
          end(e, response, LlmSpan.Outcome.ABANDONED, Map.of(), Optional.of("abandoned: " + a.reason()), content);
    };
  }

  static LlmSpan.End abandoned(Duration latency, String why) {
    return new LlmSpan.End(
        latency, 0, 0, Optional.empty(), Optional.empty(), Optional.empty(), LlmSpan.Outcome.ABANDONED, Map.of(), Optional.empty(),
        Optional.empty(), Optional.of(why));
  }

  private static LlmSpan.End end(
      RunEvent.LlmAttemptFinished e,
      Optional<Payload> response,
      LlmSpan.Outcome outcome,
      Map<String, Object> result,
      Optional<String> problem,
      ContentPolicy content) {
    Optional<String> error = problem.map(content::message);
    Optional<String> retryReason = e.retryIn().isPresent() ? error : Optional.empty();
    return new LlmSpan.End(
        e.latency(), e.inputTokens(), e.outputTokens(), response, e.responseModel(), e.finishReason(), outcome, result, retryReason,
        e.retryIn(), error);
  }
}
