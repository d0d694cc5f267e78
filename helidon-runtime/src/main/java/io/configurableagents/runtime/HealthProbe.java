package io.configurableagents.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Map;

/**
 * The container's health check, for images without curl or a shell (the jlink base has nothing
 * but {@code java}): {@code java -cp /app/runtime.jar io.configurableagents.runtime.HealthProbe}
 * asks {@code GET /health} on this container's API port ({@code PORT}, 8000 by default) and
 * exits 0 when it answers 200, else 1 with one line that says why (Docker keeps it in the
 * container's health log). It uses {@code java.base} only and loads no Helidon class, so that a
 * probe costs a small JVM start; see {@code docs/deploy.md}, "The health check".
 */
public final class HealthProbe {
  static final int HEALTHY = 0;
  static final int UNHEALTHY = 1;
  private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
  private static final int READ_TIMEOUT_MILLIS = 5_000;

  private HealthProbe() {}

  public static void main(String[] args) {
    System.exit(probe(System.getenv(), System.out));
  }

  /** Probes the port {@code env} names; what it says goes to {@code out}. */
  static int probe(Map<String, String> env, PrintStream out) {
    String port = env.getOrDefault("PORT", "8000").strip();
    if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
      out.println("unhealthy: PORT=\"" + port + "\" names no port to probe");
      return UNHEALTHY;
    }
    String url = "http://127.0.0.1:" + port + "/health";
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
      connection.setReadTimeout(READ_TIMEOUT_MILLIS);
      int status = connection.getResponseCode();
      try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
        if (body != null) {
          body.readAllBytes();
        }
      }
      if (status == 200) {
        out.println("healthy: GET " + url + " answered 200");
        return HEALTHY;
      }
      out.println("unhealthy: GET " + url + " answered " + status);
      return UNHEALTHY;
    } catch (IOException e) {
      out.println("unhealthy: GET " + url + " failed: " + e);
      return UNHEALTHY;
    }
  }
}
