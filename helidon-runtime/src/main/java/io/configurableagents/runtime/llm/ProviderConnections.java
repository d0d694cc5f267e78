package io.configurableagents.runtime.llm;

import io.helidon.common.tls.Tls;
import io.helidon.webclient.api.ClientConnection;
import io.helidon.webclient.api.ClientUri;
import io.helidon.webclient.api.ConnectionKey;
import io.helidon.webclient.api.HttpClientConfig;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.api.TcpClientConnection;
import io.helidon.webclient.api.WebClient;
import io.helidon.webclient.http1.Http1Client;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one HTTP/1.1 client all providers share, with its kept-alive connections: up to {@value
 * #IDLE_CONNECTIONS} idle ones per provider address (more than the runs a server has in flight, so
 * that under load every exchange reuses a connection instead of opening one), no redirects, no
 * proxy, no client services found on the class path, HTTPS with the JDK's trust store.
 *
 * <p>Each exchange is handed its connection explicitly ({@link #obtain}), so that the exchange can
 * close it on every path. Helidon 4.5.0's own connection cache leaves the connection of an exchange
 * that fails before the status line (the provider closed it) to the garbage collector: until a
 * collection, one socket per failed request stays in CLOSE_WAIT.
 *
 * <p>At most {@code maxConnections} connections are open at once, idle ones included: an exchange
 * beyond them closes an idle connection, else waits for one to close, so that runs in flight never
 * take the file descriptors the API listener needs (see docs/runtime.md, "Connections").
 */
final class ProviderConnections implements AutoCloseable {
  static final int IDLE_CONNECTIONS = 4096;
  private static final List<String> ALPN = List.of("http/1.1");
  private static final Tls NO_TLS = Tls.builder().enabled(false).build();

  private final Http1Client client;
  private final WebClient web;
  private final ConcurrentMap<ConnectionKey, Deque<ClientConnection>> idle = new ConcurrentHashMap<>();
  private final int maxConnections;
  private final Semaphore openConnections;
  private final Duration longestWait;
  private volatile boolean closed;

  private ProviderConnections(Http1Client client, int maxConnections, Duration longestWait) {
    this.client = client;
    this.web = WebClient.create(config -> config.from(client.prototype()));
    this.maxConnections = maxConnections;
    this.openConnections = new Semaphore(maxConnections);
    this.longestWait = longestWait;
  }

  /**
   * @param maxConnections the most connections open at once
   * @param longestWait how long an exchange waits for a connection when all are in use
   */
  static ProviderConnections open(Duration connectTimeout, int maxConnections, Duration longestWait) {
    return new ProviderConnections(
        Http1Client.builder()
            .connectTimeout(connectTimeout)
            .followRedirects(false)
            .proxy(Proxy.noProxy())
            .servicesDiscoverServices(false)
            .build(),
        maxConnections,
        longestWait);
  }

  /** The client to build requests with; each request is given a connection of {@link #obtain}. */
  Http1Client client() {
    return client;
  }

  /** How long a connection attempt may take. */
  Duration connectTimeout() {
    return client.prototype().connectTimeout().orElseThrow();
  }

  /**
   * An idle connection to the address of {@code uri}, or a new one. Closing its response gives it
   * back (or closes it when the answer was not read to the end); an exchange that fails must call
   * {@link ClientConnection#closeResource()}.
   *
   * @throws ConnectionsBusyException when no connection could be opened within the longest wait
   * @throws InterruptedException when the exchange was abandoned while it waited
   */
  ClientConnection obtain(ClientUri uri) throws InterruptedException {
    HttpClientConfig config = client.prototype();
    Tls tls = "https".equals(uri.scheme()) ? config.tls() : NO_TLS;
    ConnectionKey key =
        ConnectionKey.create(uri.scheme(), uri.host(), uri.port(), tls, config.dnsResolver(), config.dnsAddressLookup(), Proxy.noProxy());
    Deque<ClientConnection> queue = idle.computeIfAbsent(key, k -> new LinkedBlockingDeque<>(IDLE_CONNECTIONS));
    for (ClientConnection kept; (kept = queue.pollFirst()) != null; ) {
      if (kept.isConnected()) {
        return kept;
      }
      kept.closeResource();
    }
    takePermit();
    AtomicBoolean permitHeld = new AtomicBoolean(true);
    Runnable givePermitBack = () -> {
      if (permitHeld.compareAndSet(true, false)) {
        openConnections.release();
      }
    };
    try {
      return TcpClientConnection.create(web, key, ALPN, connection -> giveBack(queue, connection), connection -> givePermitBack.run())
          .connect();
    } catch (RuntimeException e) {
      givePermitBack.run();
      throw e;
    }
  }

  /** A place for one more open connection: a free one, else one an idle connection gives up, else the first to close. */
  private void takePermit() throws InterruptedException {
    long deadline = System.nanoTime() + longestWait.toNanos();
    while (!openConnections.tryAcquire()) {
      if (closeOneIdle()) {
        continue;
      }
      if (openConnections.tryAcquire(100, TimeUnit.MILLISECONDS)) {
        return;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new ConnectionsBusyException(maxConnections, longestWait);
      }
    }
  }

  /** Closes the idle connection unused the longest of one address; false when none is idle. */
  private boolean closeOneIdle() {
    for (Deque<ClientConnection> queue : idle.values()) {
      ClientConnection eldest = queue.pollLast();
      if (eldest != null) {
        eldest.closeResource();
        return true;
      }
    }
    return false;
  }

  /** Closes every idle connection; connections in use are closed when their exchange ends. */
  @Override
  public void close() {
    closed = true;
    idle.values().forEach(queue -> {
      for (ClientConnection kept; (kept = queue.pollFirst()) != null; ) {
        kept.closeResource();
      }
    });
  }

  /** @return whether the connection is kept for the next exchange (else its owner closes it) */
  private boolean giveBack(Deque<ClientConnection> queue, ClientConnection connection) {
    if (closed || !connection.isConnected()) {
      return false;
    }
    // reading while idle is how Helidon notices that the provider closed a kept connection
    connection.helidonSocket().idle();
    return queue.offerFirst(connection);
  }
}
