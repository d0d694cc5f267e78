package io.configurableagents.runtime.llm;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * LangChain4j's HTTP client SPI over one shared JDK {@link java.net.http.HttpClient}. Unlike
 * LangChain4j's own JDK client it keeps the status, headers and body of a failed exchange
 * ({@link ProviderHttpException}), tells connection failures apart ({@link
 * ProviderConnectionException}), and turns an interrupt into {@link ExchangeInterruptedException}
 * and cancels the exchange (the JDK client then aborts it).
 */
final class ProviderHttpClient implements HttpClient {
  private final java.net.http.HttpClient delegate;
  private final Duration requestTimeout;

  ProviderHttpClient(java.net.http.HttpClient delegate, Duration requestTimeout) {
    this.delegate = delegate;
    this.requestTimeout = requestTimeout;
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    HttpResponse<byte[]> response = exchange(toJdkRequest(request));
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      String body = new String(response.body(), StandardCharsets.UTF_8);
      throw new ProviderHttpException(status, response.headers().map(), body);
    }
    return SuccessfulHttpResponse.builder()
        .statusCode(status)
        .headers(response.headers().map())
        .body(response.body())
        .build();
  }

  /**
   * Sends and waits at most the request timeout. The wait is a timed {@code get} on the exchange's
   * future, not a JDK per-request timeout: those register timers under the client's global lock,
   * which thousands of concurrent exchanges contend for.
   */
  private HttpResponse<byte[]> exchange(java.net.http.HttpRequest request) {
    CompletableFuture<HttpResponse<byte[]>> future = delegate.sendAsync(request, BodyHandlers.ofByteArray());
    try {
      return future.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      future.cancel(true);
      throw new TimeoutException("no answer within " + requestTimeout.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ExchangeInterruptedException(e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpTimeoutException) {
        throw new TimeoutException("no connection within the connect timeout", cause);
      }
      if (cause instanceof IOException) {
        throw new ProviderConnectionException(cause);
      }
      throw cause instanceof RuntimeException r ? r : new ProviderConnectionException(cause);
    }
  }

  @Override
  public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    throw new UnsupportedOperationException("streaming is not used by this runtime");
  }

  private java.net.http.HttpRequest toJdkRequest(HttpRequest request) {
    URI uri = URI.create(request.url());
    java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder().uri(uri);
    if ("http".equals(uri.getScheme())) {
      // plain HTTP (Ollama, OpenAI-compatible servers on a LAN): no h2c upgrade dance
      builder.version(java.net.http.HttpClient.Version.HTTP_1_1);
    }
    request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
    String body = request.body();
    builder.method(
        request.method().name(), body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    return builder.build();
  }
}
