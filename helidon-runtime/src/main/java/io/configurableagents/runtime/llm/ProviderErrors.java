package io.configurableagents.runtime.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import io.configurableagents.core.model.Provider;
import io.configurableagents.runtime.llm.LlmException.Kind;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns whatever a LangChain4j call threw into an {@link LlmException}: the HTTP status, the
 * provider's own message (from its error JSON: OpenAI, Anthropic and Gemini all put it at
 * {@code error.message}), {@code Retry-After}, a hint on what to fix, every API key removed.
 */
final class ProviderErrors {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_MESSAGE_LENGTH = 500;

  private final LlmTarget target;
  private final SecretRedactor redactor;
  private final Clock clock;

  ProviderErrors(LlmTarget target, SecretRedactor redactor, Clock clock) {
    this.target = target;
    this.redactor = redactor;
    this.clock = clock;
  }

  LlmException toLlmException(Throwable thrown) {
    Optional<ProviderHttpException> http = find(thrown, ProviderHttpException.class);
    if (http.isPresent()) {
      return fromHttp(http.get(), thrown);
    }
    if (find(thrown, ExchangeInterruptedException.class).isPresent()) {
      return failure(Kind.ABANDONED, Optional.empty(), "the call was abandoned", Optional.empty(), thrown);
    }
    if (find(thrown, TimeoutException.class).isPresent()) {
      return failure(Kind.TIMEOUT, Optional.empty(), describe(thrown, TimeoutException.class), Optional.empty(), thrown);
    }
    Optional<ProviderConnectionException> connection = find(thrown, ProviderConnectionException.class);
    if (connection.isPresent() || find(thrown, UnresolvedModelServerException.class).isPresent()) {
      return failure(Kind.CONNECTION_FAILED, Optional.empty(), connectionFailure(connection, thrown), Optional.empty(), thrown);
    }
    Optional<AnswerTooLargeException> tooLarge = find(thrown, AnswerTooLargeException.class);
    if (tooLarge.isPresent()) {
      return failure(Kind.UNREADABLE_ANSWER, Optional.empty(), tooLarge.get().getMessage(), Optional.empty(), thrown);
    }
    Kind kind =
        thrown instanceof RetriableException
            ? Kind.SERVER_ERROR
            : thrown instanceof NonRetriableException ? Kind.REJECTED : Kind.UNREADABLE_ANSWER;
    return failure(kind, Optional.empty(), rootMessage(thrown), Optional.empty(), thrown);
  }

  private String connectionFailure(Optional<ProviderConnectionException> connection, Throwable thrown) {
    String provider = target.provider().id();
    return switch (connection.map(ProviderConnectionException::failure).orElse(ProviderConnectionException.Failure.UNREACHABLE)) {
      case UNREACHABLE -> "cannot reach " + provider + ": " + rootMessage(thrown);
      case CLOSED -> provider + " closed the connection before its answer was complete";
      case GARBLED -> provider + "'s answer is not HTTP this client can read: " + rootMessage(thrown);
    };
  }

  private LlmException fromHttp(ProviderHttpException http, Throwable thrown) {
    int status = http.statusCode();
    Kind kind =
        status == 429
            ? Kind.RATE_LIMITED
            : status == 408 ? Kind.TIMEOUT : status >= 500 ? Kind.SERVER_ERROR : Kind.REJECTED;
    Optional<Duration> retryAfter = http.header("Retry-After").flatMap(v -> RetryAfter.parse(v, clock));
    return failure(kind, Optional.of(status), providerMessage(http.body()), retryAfter, thrown);
  }

  private LlmException failure(
      Kind kind, Optional<Integer> status, String providerMessage, Optional<Duration> retryAfter, Throwable cause) {
    String clean = cut(redactor.redact(providerMessage));
    StringBuilder message = new StringBuilder(target.toString());
    status.ifPresentOrElse(
        s -> message.append(" answered HTTP ").append(s).append(" (").append(kind.label()).append(")"),
        () -> message.append(" call failed (").append(kind.label()).append(")"));
    message.append(": ").append(clean);
    hint(status).ifPresent(h -> message.append(". ").append(h));
    return new LlmException(target, kind, status, clean, retryAfter, message.toString(), cause);
  }

  private Optional<String> hint(Optional<Integer> status) {
    int s = status.orElse(0);
    Provider provider = target.provider();
    if (s == 401 || s == 403) {
      return Optional.of(
          provider
              .apiKeyVariable()
              .map(v -> "Check that " + v + " holds a valid key with access to model '" + target.model() + "'")
              .orElse("Check llm.api_base and the server's access settings"));
    }
    if (s == 404) {
      return Optional.of("Check the model name '" + target.model() + "' (llm.model) and llm.api_base");
    }
    return Optional.empty();
  }

  /** {@code error.message} of the provider's error JSON, else the body itself. */
  static String providerMessage(String body) {
    try {
      JsonNode root = JSON.readTree(body);
      JsonNode error = root == null ? null : root.path("error");
      if (error != null && error.path("message").isTextual()) {
        return error.path("message").asText();
      }
      if (error != null && error.isTextual()) {
        return error.asText();
      }
      if (root != null && root.path("message").isTextual()) {
        return root.path("message").asText();
      }
    } catch (IOException | RuntimeException e) {
      // not JSON: the body itself is the best we have
    }
    return body.isBlank() ? "(empty body)" : body.strip();
  }

  private static String cut(String text) {
    return text.length() <= MAX_MESSAGE_LENGTH ? text : text.substring(0, MAX_MESSAGE_LENGTH) + "...";
  }

  private static String describe(Throwable thrown, Class<? extends Throwable> type) {
    return find(thrown, type).map(ProviderErrors::ownMessage).orElse(rootMessage(thrown));
  }

  private static String rootMessage(Throwable thrown) {
    Throwable root = thrown;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return ownMessage(root);
  }

  private static String ownMessage(Throwable t) {
    return t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static <T extends Throwable> Optional<T> find(Throwable thrown, Class<T> type) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
    }
    return Optional.empty();
  }
}
