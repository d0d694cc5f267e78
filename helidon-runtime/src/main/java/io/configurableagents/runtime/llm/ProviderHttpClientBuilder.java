package io.configurableagents.runtime.llm;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import io.helidon.webclient.http1.Http1Client;
import java.time.Duration;

/**
 * Hands LangChain4j a {@link ProviderHttpClient} over the shared client. The connect timeout
 * belongs to the shared client; the read timeout a model builder sets becomes the request timeout.
 */
final class ProviderHttpClientBuilder implements HttpClientBuilder {
  private final Http1Client shared;
  private Duration connectTimeout;
  private Duration readTimeout;

  ProviderHttpClientBuilder(Http1Client shared, Duration requestTimeout) {
    this.shared = shared;
    this.readTimeout = requestTimeout;
    this.connectTimeout = shared.prototype().connectTimeout().orElse(requestTimeout);
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
