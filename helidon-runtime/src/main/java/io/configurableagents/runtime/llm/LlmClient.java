package io.configurableagents.runtime.llm;

/**
 * One configured model of one provider (provider, model, temperature, max tokens, base URL, key),
 * created once and shared by all runs. Thread-safe.
 *
 * <p>One call is one HTTP exchange: no retries, no parsing of the answer. The engine's attempt
 * loop retries, adds the clarification note and reports each attempt as an event. A call whose
 * thread is interrupted is abandoned: the exchange is aborted and {@link LlmException.Kind#ABANDONED}
 * thrown. Implementations: the LangChain4j adapters of {@link LlmClients}; tests script a fake.
 */
public interface LlmClient {

  /**
   * Asks for a structured answer: one user message, output constrained natively to the schema.
   *
   * @return the raw JSON text the model produced (content or tool arguments) and the token usage
   * @throws LlmException for every provider failure, typed by retriability, with the HTTP status
   *     and the provider's own message, and never an API key
   */
  LlmResponse complete(LlmRequest request);

  /** Which provider and model this client calls, for events and error messages. */
  LlmTarget target();
}
