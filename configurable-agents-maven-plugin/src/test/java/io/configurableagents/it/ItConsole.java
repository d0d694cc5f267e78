package io.configurableagents.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the console IT's verify script does with a running console (through the test class path). */
public final class ItConsole {
  private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");
  private static final Pattern TOKEN = Pattern.compile("<meta name=\"console-token\" content=\"([^\"]+)\">");

  private ItConsole() {}

  /** Status and body of one answer. */
  public record Response(int status, String body) {}

  /** The session token the console put into its page. */
  public static String token(String page) {
    Matcher m = TOKEN.matcher(page);
    if (!m.find()) {
      throw new AssertionError("the console's page holds no token");
    }
    return m.group(1);
  }

  /**
   * One HTTP/1.1 request written by hand, so that its Host and Origin can be anything (as a page
   * of another site, or a rebound DNS name, would send them).
   */
  public static Response request(int port, String method, String path, Map<String, String> headers, String body) {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One answer, read up to its Content-Length (the server may keep the connection open). */
  private static Response read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    String headers = head.toString(StandardCharsets.ISO_8859_1);
    Matcher length = CONTENT_LENGTH.matcher(headers);
    byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
    return new Response(Integer.parseInt(headers.substring(9, 12)), new String(body, StandardCharsets.UTF_8));
  }

  /** Whether something accepts connections on 127.0.0.1:{@code port}. */
  public static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The console's own JVM among the processes the build started. */
  public static Optional<ProcessHandle> consoleOf(Process build) {
    return build.toHandle().descendants()
        .filter(p -> p.info().commandLine().orElse("").contains("io.configurableagents.console.ConsoleMain"))
        .findFirst();
  }
}
