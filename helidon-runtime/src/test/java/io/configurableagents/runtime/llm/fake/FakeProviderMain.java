package io.configurableagents.runtime.llm.fake;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a {@link FakeProviderServer} that answers every request with a schema-conforming answer,
 * optionally after a fixed delay: for benchmarks and Docker integration tests.
 *
 * <pre>java -cp ... io.configurableagents.runtime.llm.fake.FakeProviderMain --port 9000 --delay-ms 1000 [--host 0.0.0.0]</pre>
 *
 * Prints {@code fake provider listening on http://HOST:PORT} once it accepts requests. Requests
 * are counted, not kept: {@code GET /requests} gives the count.
 */
public final class FakeProviderMain {
  /** Held so the level sticks: Helidon's start-up lines would drown the one line this prints. */
  private static final Logger HELIDON_LOGGER = Logger.getLogger("io.helidon");

  private FakeProviderMain() {}

  public static void main(String[] args) throws InterruptedException {
    HELIDON_LOGGER.setLevel(Level.WARNING);
    Map<String, String> options = options(args);
    int port = Integer.parseInt(options.getOrDefault("--port", "0"));
    long delayMs = Long.parseLong(options.getOrDefault("--delay-ms", "0"));
    String host = options.getOrDefault("--host", "127.0.0.1");
    FakeProviderServer server = FakeProviderServer.start(host, port).recording(false);
    if (delayMs > 0) {
      server.replyByDefault(FakeReply.delayed(Duration.ofMillis(delayMs), FakeReply.conforming()));
    }
    System.out.println("fake provider listening on http://" + host + ":" + server.port());
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    new CountDownLatch(1).await();
  }

  private static Map<String, String> options(String[] args) {
    java.util.Map<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "usage: FakeProviderMain [--port N] [--delay-ms D] [--host H]; got '" + args[i] + "'");
      }
      options.put(args[i], args[++i]);
    }
    return options;
  }
}
