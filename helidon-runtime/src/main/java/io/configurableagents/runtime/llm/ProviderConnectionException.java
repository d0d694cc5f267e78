package io.configurableagents.runtime.llm;

import dev.langchain4j.exception.LangChain4jException;

/** The provider could not be reached, or the connection broke before an answer. Retriable. */
final class ProviderConnectionException extends LangChain4jException {
  private static final long serialVersionUID = 1L;

  /** Which way the exchange failed. */
  enum Failure {
    /** No connection could be made (refused, unknown host, unreachable network, TLS handshake). */
    UNREACHABLE,
    /** The provider (or something on the way) closed the connection before the answer was complete. */
    CLOSED,
    /** The provider's bytes were not HTTP this client could read. */
    GARBLED
  }

  private final Failure failure;

  ProviderConnectionException(Failure failure, Throwable cause) {
    super(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
    this.failure = failure;
  }

  Failure failure() {
    return failure;
  }
}
