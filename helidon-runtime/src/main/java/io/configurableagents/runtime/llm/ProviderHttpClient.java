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

/**
 * LangChain4j's HTTP client SPI over one shared JDK {@link java.net.http.HttpClient}. Unlike
 * LangChain4j's own JDK client it keeps the status, headers and body of a failed exchange
 * ({@link ProviderHttpException}), tells connection failures apart ({@link
 * ProviderConnectionException}), and turns an interrupt into {@link ExchangeInterruptedException}
 * (the JDK client aborts the exchange when the waiting thread is interrupted).
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
    HttpResponse<byte[]> response;
    try {
      response = delegate.send(toJdkRequest(request), BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new TimeoutException("no answer within " + requestTimeout.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExchangeInterruptedException(e);
    } catch (IOException e) {
      throw new ProviderConnectionException(e);
    }
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

  @Override
  public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    throw new UnsupportedOperationException("streaming is not used by this runtime");
  }

  private java.net.http.HttpRequest toJdkRequest(HttpRequest request) {
    URI uri = URI.create(request.url());
    java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder().uri(uri).timeout(requestTimeout);
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
