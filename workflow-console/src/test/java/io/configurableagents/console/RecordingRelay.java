package io.configurableagents.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A TCP relay between the browser and the console that keeps every byte the console sent, so
 * that a test can assert what no answer ever held. It listens on another loopback address with
 * the console's port ({@code [::1]} for a console on 127.0.0.1), so that the browser names the
 * console as itself (Host and Origin unchanged) and the bytes are exactly those on the wire.
 */
final class RecordingRelay implements AutoCloseable {
  /** Between two chunks of a chunked answer: the end of one, the size line of the next. */
  private static final Pattern CHUNK_BOUNDARY = Pattern.compile("\r\n[0-9a-fA-F]+\r\n");

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();

  private RecordingRelay(ServerSocket server, InetSocketAddress target) {
    this.server = server;
    this.target = target;
    Thread.ofVirtual().name("relay-accept").start(this::accept);
  }

  static RecordingRelay start(InetAddress listen, InetSocketAddress target) throws IOException {
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(listen, target.getPort()));
    return new RecordingRelay(server, target);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket browser = server.accept();
        Socket console = new Socket();
        console.connect(target, 5000);
        Thread.ofVirtual().start(() -> pump(browser, console, null));
        Thread.ofVirtual().start(() -> pump(console, browser, received));
      } catch (IOException e) {
        // closed
      }
    }
  }

  private static void pump(Socket from, Socket to, ByteArrayOutputStream record) {
    byte[] buffer = new byte[8192];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (record != null) {
          synchronized (record) {
            record.write(buffer, 0, n);
          }
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side closed
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  /** Everything the console sent so far. */
  String received() {
    synchronized (received) {
      return received.toString(StandardCharsets.UTF_8);
    }
  }

  /** Whether the console ever sent {@code text}, also split across the chunks of a chunked answer. */
  boolean sent(String text) {
    String all = received();
    return all.contains(text) || CHUNK_BOUNDARY.matcher(all).replaceAll("").contains(text);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closed already
    }
  }
}
