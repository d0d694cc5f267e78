package io.configurableagents.runtime.llm;

import dev.langchain4j.exception.LangChain4jException;

/** The provider could not be reached, or the connection broke before an answer. Retriable. */
final class ProviderConnectionException extends LangChain4jException {
  private static final long serialVersionUID = 1L;

  ProviderConnectionException(Throwable cause) {
    super(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
  }
}
