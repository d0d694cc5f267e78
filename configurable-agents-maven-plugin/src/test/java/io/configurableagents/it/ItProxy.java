package io.configurableagents.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP proxy on loopback for the ITs, as a corporate one behaves: it answers {@code 407} with
 * a Basic challenge until a request carries {@code Proxy-Authorization}, then tunnels each
 * {@code CONNECT} to one fixed address (a registry on loopback), whatever host the client named.
 * It records every request it tunnelled, as {@code CONNECT host:port by user:password}.
 */
public final class ItProxy implements AutoCloseable {
  private final ServerSocket server;
  private final InetSocketAddress upstream;
  private final List<String> tunnelled = new ArrayList<>();

  private ItProxy(ServerSocket server, InetSocketAddress upstream) {
    this.server = server;
    this.upstream = upstream;
  }

  /** Listens on {@code 127.0.0.1:port}, tunnelling to {@code upstreamPort} on loopback. */
  public static ItProxy start(int port, int upstreamPort) {
    try {
      ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
      ItProxy proxy = new ItProxy(server, new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort));
      Thread accept = new Thread(proxy::acceptLoop, "it-proxy");
      accept.setDaemon(true);
      accept.start();
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What was tunnelled so far, e.g. {@code CONNECT registry.example:443 by ada:s3cret}. */
  public synchronized List<String> tunnelled() {
    return List.copyOf(tunnelled);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread serve = new Thread(() -> serve(client), "it-proxy-client");
        serve.setDaemon(true);
        serve.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      while (true) {
        List<String> head = readHead(in);
        if (head.isEmpty()) {
          return;
        }
        String credentials = head.stream()
            .filter(h -> h.toLowerCase(Locale.ROOT).startsWith("proxy-authorization: basic "))
            .map(h -> new String(Base64.getDecoder().decode(h.substring("proxy-authorization: basic ".length()).strip()),
                StandardCharsets.UTF_8))
            .findFirst().orElse(null);
        String[] requestLine = head.get(0).split(" ");
        if (credentials == null) {
          out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"it-proxy\"\r\n"
              + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          out.flush();
          continue;
        }
        if (!requestLine[0].equals("CONNECT")) {
          out.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
          return;
        }
        synchronized (this) {
          tunnelled.add("CONNECT " + requestLine[1] + " by " + credentials);
        }
        tunnel(client, in, out);
        return;
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private void tunnel(Socket client, InputStream in, OutputStream out) throws IOException {
    try (Socket target = new Socket()) {
      target.connect(upstream, 5000);
      out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread up = new Thread(() -> pump(in, outputOf(target)), "it-proxy-up");
      up.setDaemon(true);
      up.start();
      pump(target.getInputStream(), out);
      client.shutdownOutput();
    }
  }

  private static OutputStream outputOf(Socket socket) {
    try {
      return socket.getOutputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void pump(InputStream from, OutputStream to) {
    try {
      from.transferTo(to);
    } catch (IOException e) {
      // one side closed
    }
  }

  /** The request line and headers, up to the blank line; empty at the end of the stream. */
  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.US_ASCII).stripTrailing();
        line.reset();
        if (text.isEmpty()) {
          return lines;
        }
        lines.add(text);
      } else {
        line.write(b);
      }
    }
    return List.of();
  }
}
