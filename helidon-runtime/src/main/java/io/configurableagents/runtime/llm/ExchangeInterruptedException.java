package io.configurableagents.runtime.llm;

import dev.langchain4j.exception.LangChain4jException;

/** The thread waiting for the provider was interrupted: the call was abandoned on purpose. */
final class ExchangeInterruptedException extends LangChain4jException {
  private static final long serialVersionUID = 1L;

  ExchangeInterruptedException(Throwable cause) {
    super("the call was abandoned", cause);
  }
}
