package io.configurableagents.runtime.llm;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Duration;

/**
 * Hands LangChain4j a {@link ProviderHttpClient} over the shared JDK client. The connect timeout
 * belongs to the shared client; the read timeout a model builder sets becomes the request timeout.
 */
final class ProviderHttpClientBuilder implements HttpClientBuilder {
  private final java.net.http.HttpClient shared;
  private Duration connectTimeout;
  private Duration readTimeout;

  ProviderHttpClientBuilder(java.net.http.HttpClient shared, Duration requestTimeout) {
    this.shared = shared;
    this.readTimeout = requestTimeout;
    this.connectTimeout = shared.connectTimeout().orElse(requestTimeout);
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
    return new ProviderHttpClient(shared, readTimeout);
  }
}
