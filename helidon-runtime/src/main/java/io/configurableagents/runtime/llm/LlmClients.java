package io.configurableagents.runtime.llm;

import io.configurableagents.core.model.LlmSpec;

/** Creates one {@link LlmClient} per distinct effective settings and reuses it. Outline. */
public final class LlmClients {
  public LlmClient clientFor(LlmSpec effective) {
    throw new UnsupportedOperationException("LlmClients: not implemented yet");
  }
}
