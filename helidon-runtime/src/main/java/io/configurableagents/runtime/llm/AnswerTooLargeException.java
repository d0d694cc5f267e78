package io.configurableagents.runtime.llm;

import dev.langchain4j.exception.NonRetriableException;

/**
 * A provider's answer longer than this runtime reads ({@code MAX_PROVIDER_ANSWER_BYTES}, see
 * docs/providers.md): the attempt fails without reading the rest. Not retried: the same request
 * would get the same answer.
 */
final class AnswerTooLargeException extends NonRetriableException {
  private static final long serialVersionUID = 1L;

  private AnswerTooLargeException(String message) {
    super(message);
  }

  static AnswerTooLargeException over(long maxAnswerBytes) {
    return new AnswerTooLargeException(
        "the answer is larger than " + maxAnswerBytes + " bytes, the most this server reads (MAX_PROVIDER_ANSWER_BYTES); "
            + "raise MAX_PROVIDER_ANSWER_BYTES if answers this large are expected");
  }
}
