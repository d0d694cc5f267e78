package io.configurableagents.runtime.llm;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * LangChain4j's HTTP client SPI over one shared Helidon HTTP/1.1 client ({@link #shared}): a
 * blocking exchange on the calling (virtual) thread over a kept-alive connection, with no thread
 * hand-offs. Unlike LangChain4j's own JDK client it keeps the status, headers and body of a failed
 * exchange ({@link ProviderHttpException}), tells connection failures apart ({@link
 * ProviderConnectionException}), and turns an interrupt into {@link ExchangeInterruptedException}
 * (interrupting a virtual thread blocked on a socket closes the socket, which aborts the exchange).
 */
final class ProviderHttpClient implements HttpClient {
  static final int IDLE_CONNECTIONS = 4096;
  private final Http1Client delegate;
  private final Duration requestTimeout;

  ProviderHttpClient(Http1Client delegate, Duration requestTimeout) {
    this.delegate = delegate;
    this.requestTimeout = requestTimeout;
  }

  /**
   * The one client all providers share: kept-alive connections, up to {@value #IDLE_CONNECTIONS}
   * idle ones per provider address (more than the runs a server has in flight, so that under load
   * every exchange reuses a connection instead of opening one), no redirects, no proxy, and no
   * client services found on the class path. HTTPS with the JDK's trust store.
   */
  static Http1Client shared(Duration connectTimeout) {
    return Http1Client.builder()
        .connectTimeout(connectTimeout)
        .followRedirects(false)
        .shareConnectionCache(false)
        .connectionCacheSize(IDLE_CONNECTIONS)
        .proxy(Proxy.noProxy())
        .servicesDiscoverServices(false)
        .build();
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    try (Http1ClientResponse response = send(request)) {
      int status = response.status().code();
      byte[] body = body(response);
      Map<String, List<String>> headers = headers(response);
      if (status < 200 || status > 299) {
        throw new ProviderHttpException(status, headers, new String(body, StandardCharsets.UTF_8));
      }
      return SuccessfulHttpResponse.builder().statusCode(status).headers(headers).body(body).build();
    } catch (ProviderHttpException e) {
      throw e;
    } catch (UncheckedIOException e) {
      throw failure(e.getCause());
    } catch (IOException e) {
      throw failure(e);
    } catch (RuntimeException e) {
      // a connection closed or garbled in the middle of the answer (Helidon's reader exceptions)
      throw failure(e);
    }
  }

  @Override
  public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    throw new UnsupportedOperationException("streaming is not used by this runtime");
  }

  /** Sends the request; the request timeout bounds every wait for the provider's bytes. */
  private Http1ClientResponse send(HttpRequest request) {
    Http1ClientRequest outgoing =
        delegate.method(Method.create(request.method().name())).uri(request.url()).readTimeout(requestTimeout);
    request.headers().forEach((name, values) -> outgoing.header(HeaderNames.create(name), values));
    String body = request.body();
    return body == null ? outgoing.request() : outgoing.submit(body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The whole body. With a declared length it is read in one array of that size: reading "all
   * bytes" would allocate 16 KiB chunks (and Helidon a 16 KiB buffer) for an answer of a few hundred.
   */
  private static byte[] body(Http1ClientResponse response) throws IOException {
    if (!response.entity().hasEntity()) {
      return new byte[0];
    }
    OptionalLong length = response.headers().contentLength();
    if (length.isEmpty() || length.getAsLong() > Integer.MAX_VALUE - 8) {
      return response.entity().as(byte[].class);
    }
    try (InputStream in = response.entity().inputStream()) {
      return in.readNBytes((int) length.getAsLong());
    }
  }

  private static Map<String, List<String>> headers(Http1ClientResponse response) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Header header : response.headers()) {
      headers.put(header.name(), header.allValues());
    }
    return headers;
  }

  private RuntimeException failure(Throwable cause) {
    if (Thread.currentThread().isInterrupted() || cause instanceof InterruptedIOException && !(cause instanceof SocketTimeoutException)) {
      return new ExchangeInterruptedException(cause);
    }
    if (cause instanceof SocketTimeoutException) {
      boolean connecting = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("connect");
      return new TimeoutException(
          connecting ? "no connection within the connect timeout" : "no answer within " + requestTimeout.toMillis() + " ms",
          cause);
    }
    return new ProviderConnectionException(cause);
  }
}
