package io.configurableagents.runtime.llm;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Duration;

/**
 * Hands LangChain4j a {@link ProviderHttpClient} over the shared connections. The connect timeout
 * belongs to them; the read timeout a model builder sets becomes the request timeout.
 */
final class ProviderHttpClientBuilder implements HttpClientBuilder {
  private final ProviderConnections shared;
  private final long maxAnswerBytes;
  private Duration connectTimeout;
  private Duration readTimeout;

  ProviderHttpClientBuilder(ProviderConnections shared, Duration requestTimeout, long maxAnswerBytes) {
    this.shared = shared;
    this.maxAnswerBytes = maxAnswerBytes;
    this.readTimeout = requestTimeout;
    this.connectTimeout = shared.connectTimeout();
  }

  @Override
  public Duration connectTimeout() {
    return connectTimeout;
  }

  @Override
  public HttpClientBuilder connectTimeout(Duration timeout) {
    if (timeout != null) {
      this.connectTimeout = timeout;
    }
    return this;
  }

  @Override
  public Duration readTimeout() {
    return readTimeout;
  }

  @Override
  public HttpClientBuilder readTimeout(Duration timeout) {
    if (timeout != null) {
      this.readTimeout = timeout;
    }
    return this;
  }

  @Override
  public HttpClient build() {
    return new ProviderHttpClient(shared, readTimeout, maxAnswerBytes);
  }
}
