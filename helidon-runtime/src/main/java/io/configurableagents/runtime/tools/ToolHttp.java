package io.configurableagents.runtime.tools;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The network tools' HTTP: the JDK's client, shared, no automatic redirects. Every hop (the first
 * URL and each redirect's {@code Location}, at most {@value #MAX_REDIRECTS}) passes the {@link
 * NetworkGuard} before it is requested; bodies are read up to a size cap.
 */
final class ToolHttp {
  static final int MAX_REDIRECTS = 5;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private static final Duration BACKSTOP_MARGIN = Duration.ofSeconds(2);
  private final HttpClient client;
  private final NetworkGuard guard;

  ToolHttp(NetworkGuard guard) {
    this.guard = guard;
    this.client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(CONNECT_TIMEOUT)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  /** What came back: the status, headers, the body as text (cut at the cap), and the last URL. */
  record Response(int status, Map<String, List<String>> headers, String body, boolean truncated, URI uri) {
    Optional<String> header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
          .flatMap(e -> e.getValue().stream().findFirst());
    }
  }

  Response send(String method, URI uri, Map<String, String> headers, Optional<String> body, int maxBytes, Duration timeout)
      throws ToolException {
    String currentMethod = method;
    Optional<String> currentBody = body;
    URI current = uri;
    for (int hop = 0; ; hop++) {
      guard.check(current);
      // the call's time limit is the tool runner's (docs/engine.md, "Tools"), which says so to the
      // model; the request's own timeout is only a backstop that frees the connection, a little later
      HttpRequest.Builder request = HttpRequest.newBuilder(current).timeout(timeout.plus(BACKSTOP_MARGIN));
      try {
        headers.forEach(request::header);
      } catch (IllegalArgumentException e) {
        throw ToolException.badInput("a header is not allowed: " + e.getMessage());
      }
      request.method(currentMethod, currentBody.map(HttpRequest.BodyPublishers::ofString).orElse(HttpRequest.BodyPublishers.noBody()));
      HttpResponse<InputStream> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ToolException.failed("the request to " + current.getHost() + " was abandoned");
      } catch (IOException e) {
        throw ToolException.failed("the request to " + current + " failed: " + describe(e));
      }
      int status = response.statusCode();
      Optional<String> location = response.headers().firstValue("Location");
      if (status >= 300 && status < 400 && status != 304 && location.isPresent()) {
        close(response);
        if (hop >= MAX_REDIRECTS) {
          throw ToolException.failed("more than " + MAX_REDIRECTS + " redirects from " + uri);
        }
        current = current.resolve(location.get());
        if (status == 303 || ((status == 301 || status == 302) && !currentMethod.equals("GET") && !currentMethod.equals("HEAD"))) {
          currentMethod = "GET";
          currentBody = Optional.empty();
        }
        continue;
      }
      return read(response, current, maxBytes);
    }
  }

  private static Response read(HttpResponse<InputStream> response, URI uri, int maxBytes) throws ToolException {
    try (InputStream in = response.body()) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      boolean truncated = bytes.length > maxBytes;
      int length = truncated ? maxBytes : bytes.length;
      String text = new String(bytes, 0, length, charset(response));
      return new Response(response.statusCode(), response.headers().map(), text, truncated, uri);
    } catch (IOException e) {
      throw ToolException.failed("reading the answer of " + uri + " failed: " + describe(e));
    }
  }

  private static Charset charset(HttpResponse<?> response) {
    String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    int at = type.indexOf("charset=");
    if (at >= 0) {
      String name = type.substring(at + "charset=".length()).split("[;\\s]")[0].replace("\"", "");
      try {
        return Charset.forName(name);
      } catch (RuntimeException e) {
        return StandardCharsets.UTF_8;
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static void close(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException e) {
      // the connection is dropped: nothing else to do
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
