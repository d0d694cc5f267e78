package io.configurableagents.runtime.llm;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import io.helidon.common.buffers.DataReader;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.ClientConnection;
import io.helidon.webclient.api.ClientUri;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * LangChain4j's HTTP client SPI over the {@link ProviderConnections} all providers share: a
 * blocking exchange on the calling (virtual) thread over a kept-alive connection, with no thread
 * hand-offs. Unlike LangChain4j's own JDK client it keeps the status, headers and body of a failed
 * exchange ({@link ProviderHttpException}), tells connection failures apart ({@link
 * ProviderConnectionException}), reads at most {@code maxAnswerBytes} of an answer ({@link
 * AnswerTooLargeException}), closes the connection of every exchange that fails, and turns an
 * interrupt into {@link ExchangeInterruptedException} (interrupting a virtual thread blocked on a
 * socket closes the socket, which aborts the exchange).
 */
final class ProviderHttpClient implements HttpClient {
  private final ProviderConnections connections;
  private final Duration requestTimeout;
  private final long maxAnswerBytes;

  ProviderHttpClient(ProviderConnections connections, Duration requestTimeout, long maxAnswerBytes) {
    this.connections = connections;
    this.requestTimeout = requestTimeout;
    this.maxAnswerBytes = maxAnswerBytes;
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    ClientUri uri = ClientUri.create(URI.create(request.url()));
    ClientConnection connection;
    try {
      connection = connections.obtain(uri);
    } catch (ConnectionsBusyException e) {
      throw new TimeoutException(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExchangeInterruptedException(e);
    } catch (RuntimeException e) {
      throw failure(unwrap(e), false);
    }
    try (Http1ClientResponse response = send(request, uri, connection)) {
      int status = response.status().code();
      boolean success = status >= 200 && status <= 299;
      byte[] body = body(response, success);
      Map<String, List<String>> headers = headers(response);
      if (!success) {
        throw new ProviderHttpException(status, headers, new String(body, StandardCharsets.UTF_8));
      }
      return SuccessfulHttpResponse.builder().statusCode(status).headers(headers).body(body).build();
    } catch (ProviderHttpException | AnswerTooLargeException e) {
      // closing the response gave the connection back, or closed it when the body was not read to the end
      throw e;
    } catch (IOException | RuntimeException e) {
      // a connection closed or garbled in the middle of the exchange (Helidon's reader exceptions)
      connection.closeResource();
      throw failure(unwrap(e), true);
    }
  }

  @Override
  public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    throw new UnsupportedOperationException("streaming is not used by this runtime");
  }

  /** Sends the request on {@code connection}; the request timeout bounds every wait for the provider's bytes. */
  private Http1ClientResponse send(HttpRequest request, ClientUri uri, ClientConnection connection) {
    Http1ClientRequest outgoing =
        connections.client().method(Method.create(request.method().name())).uri(uri).connection(connection).readTimeout(requestTimeout);
    request.headers().forEach((name, values) -> outgoing.header(HeaderNames.create(name), values));
    String body = request.body();
    return body == null ? outgoing.request() : outgoing.submit(body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The body, at most {@code maxAnswerBytes} of it: a longer answer fails ({@link
   * AnswerTooLargeException}), a longer error body is cut. With a declared length it is read in one
   * array of that size: reading "all bytes" would allocate 16 KiB chunks (and Helidon a 16 KiB
   * buffer) for an answer of a few hundred. A body not read to the end is left unclosed: closing
   * the response then closes the connection instead of reading on.
   */
  private byte[] body(Http1ClientResponse response, boolean success) throws IOException {
    if (!response.entity().hasEntity()) {
      return new byte[0];
    }
    OptionalLong declared = response.headers().contentLength();
    if (success && declared.isPresent() && declared.getAsLong() > maxAnswerBytes) {
      throw AnswerTooLargeException.over(maxAnswerBytes);
    }
    InputStream in = response.entity().inputStream();
    byte[] body = in.readNBytes((int) Math.min(declared.orElse(Long.MAX_VALUE), maxAnswerBytes + 1));
    if (body.length > maxAnswerBytes) {
      if (success) {
        throw AnswerTooLargeException.over(maxAnswerBytes);
      }
      return Arrays.copyOf(body, (int) maxAnswerBytes);
    }
    in.close();
    return body;
  }

  private static Map<String, List<String>> headers(Http1ClientResponse response) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Header header : response.headers()) {
      headers.put(header.name(), header.allValues());
    }
    return headers;
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
  }

  /** What a failed exchange was: interrupted, timed out, the provider unreachable, or the connection closed or garbled. */
  private RuntimeException failure(Throwable cause, boolean connected) {
    if (Thread.currentThread().isInterrupted() || cause instanceof InterruptedIOException && !(cause instanceof SocketTimeoutException)) {
      return new ExchangeInterruptedException(cause);
    }
    if (cause instanceof SocketTimeoutException) {
      return new TimeoutException(
          connected ? "no answer within " + requestTimeout.toMillis() + " ms" : "no connection within the connect timeout", cause);
    }
    if (!connected) {
      return new ProviderConnectionException(ProviderConnectionException.Failure.UNREACHABLE, cause);
    }
    return new ProviderConnectionException(
        closedByPeer(cause) ? ProviderConnectionException.Failure.CLOSED : ProviderConnectionException.Failure.GARBLED, cause);
  }

  /** The end of the stream, or a reset: the provider (or something between) closed the connection. */
  private static boolean closedByPeer(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DataReader.InsufficientDataAvailableException || t instanceof EOFException || t instanceof SocketException) {
        return true;
      }
    }
    return false;
  }
}
