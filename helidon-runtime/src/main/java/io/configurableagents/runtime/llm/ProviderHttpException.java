package io.configurableagents.runtime.llm;

import dev.langchain4j.exception.HttpException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A non-2xx answer of a provider, with what LangChain4j's own {@link HttpException} drops: the
 * response headers ({@code Retry-After}) and the raw body. Thrown by {@link ProviderHttpClient}
 * inside LangChain4j, found again in the cause chain by {@link ProviderErrors}.
 */
final class ProviderHttpException extends HttpException {
  private static final long serialVersionUID = 1L;
  private final transient Map<String, List<String>> headers;
  private final String body;

  ProviderHttpException(int statusCode, Map<String, List<String>> headers, String body) {
    super(statusCode, "HTTP " + statusCode);
    this.headers = Map.copyOf(headers);
    this.body = body;
  }

  /** The first value of a header, matched case-insensitively. */
  Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
        .map(e -> e.getValue().get(0))
        .findFirst();
  }

  String body() {
    return body;
  }
}
