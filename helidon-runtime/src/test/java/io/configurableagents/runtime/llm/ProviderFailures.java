package io.configurableagents.runtime.llm;

import io.configurableagents.core.model.Provider;
import java.time.Duration;
import java.util.Optional;

/** Provider failures as the LangChain4j adapters raise them, for scripted fakes in tests. */
public final class ProviderFailures {
  public static final LlmTarget TARGET = new LlmTarget(Provider.OPENAI, "gpt-4o-mini");

  private ProviderFailures() {}

  /** An HTTP error from the provider: retriable for 429 and 5xx, as the adapters classify it. */
  public static LlmException http(int status, String providerMessage) {
    return http(status, providerMessage, Optional.empty());
  }

  public static LlmException http(int status, String providerMessage, Optional<Duration> retryAfter) {
    LlmException.Kind kind =
        status == 429
            ? LlmException.Kind.RATE_LIMITED
            : status >= 500 ? LlmException.Kind.SERVER_ERROR : LlmException.Kind.REJECTED;
    return new LlmException(
        TARGET, kind, Optional.of(status), providerMessage, retryAfter, TARGET + ": HTTP " + status + ": " + providerMessage, null);
  }
}
