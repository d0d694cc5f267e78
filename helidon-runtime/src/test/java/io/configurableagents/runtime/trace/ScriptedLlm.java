package io.configurableagents.runtime.trace;

import io.configurableagents.core.model.Provider;
import io.configurableagents.runtime.llm.LlmClient;
import io.configurableagents.runtime.llm.LlmRequest;
import io.configurableagents.runtime.llm.LlmResponse;
import io.configurableagents.runtime.llm.LlmTarget;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** An LLM client answering from a script, one step per call (the last repeats); a step may throw. */
final class ScriptedLlm implements LlmClient {
  static final LlmTarget TARGET = new LlmTarget(Provider.OPENAI, "gpt-4o-mini");

  private final List<Function<LlmRequest, String>> steps;
  private final AtomicInteger calls = new AtomicInteger();

  @SafeVarargs
  ScriptedLlm(Function<LlmRequest, String>... steps) {
    this.steps = List.of(steps);
  }

  static ScriptedLlm replying(String json) {
    return new ScriptedLlm(request -> json);
  }

  @Override
  public LlmResponse complete(LlmRequest request) {
    int call = calls.getAndIncrement();
    String text = steps.get(Math.min(call, steps.size() - 1)).apply(request);
    return new LlmResponse(text, request.prompt().length(), text.length(), TARGET.model());
  }

  @Override
  public LlmTarget target() {
    return TARGET;
  }
}
