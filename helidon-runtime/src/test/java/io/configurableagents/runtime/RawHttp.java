package io.configurableagents.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.configurableagents.runtime.jobs.JobJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes written to a server on a socket of their own, and everything it sends back until it closes
 * the connection or {@code wait} passes: for requests no HTTP client would send.
 *
 * @param raw what the server sent, as ISO-8859-1 text
 * @param closed whether the server closed the connection within the wait
 * @param elapsed from the last byte written to the close (or to the end of the wait)
 */
record RawHttp(String raw, boolean closed, Duration elapsed) {
  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");

  static RawHttp exchange(int port, byte[] request, Duration wait) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      long start = System.nanoTime();
      socket.setSoTimeout((int) wait.toMillis());
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      boolean closed = false;
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          received.write(buffer, 0, n);
        }
        closed = true;
      } catch (SocketTimeoutException e) {
        // the server kept the connection open
      } catch (IOException e) {
        closed = true; // reset
      }
      return new RawHttp(received.toString(StandardCharsets.ISO_8859_1), closed, Duration.ofNanos(System.nanoTime() - start));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RawHttp exchange(int port, String request, Duration wait) {
    return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), wait);
  }

  /** A {@code POST /run} with this body, its length declared, asking to close the connection after the answer. */
  static byte[] postRun(byte[] body, String contentType) {
    byte[] head =
        ("POST /run HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] request = new byte[head.length + body.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    return request;
  }

  /** How many answers the server sent (status lines). */
  int answers() {
    Matcher m = STATUS_LINE.matcher(raw);
    int count = 0;
    while (m.find()) {
      count++;
    }
    return count;
  }

  /** The status of the first answer; 0 when there was none. */
  int status() {
    Matcher m = STATUS_LINE.matcher(raw);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** The first answer's body as JSON (its bytes are UTF-8 JSON). */
  JsonNode json() {
    int start = raw.indexOf("\r\n\r\n");
    String body = raw.substring(start + 4);
    Matcher next = STATUS_LINE.matcher(body);
    if (next.find()) {
      body = body.substring(0, next.start());
    }
    try {
      return JobJson.MAPPER.readTree(body.getBytes(StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + raw, e);
    }
  }

  /** A header of the first answer, by name (any case); empty string when absent. */
  String header(String name) {
    for (String line : raw.substring(0, Math.max(0, raw.indexOf("\r\n\r\n"))).split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return "";
  }
}
