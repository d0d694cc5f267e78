package io.configurableagents.deploy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Facts about a registry host as written in an image reference ({@code host[:port]}). Whether Jib
 * may speak plain HTTP (or accept a certificate it cannot check) to a registry depends on it:
 * only to one on this machine, unless the user allows it (see {@code docs/deploy.md}, "Plain-HTTP registries").
 */
public final class RegistryHost {
  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  private RegistryHost() {}

  /**
   * Whether {@code registry} names this machine's loopback interface by name or address:
   * {@code localhost}, {@code 127.x.x.x} or {@code [::1]}, with or without a port. Decided by the
   * name alone, never by a DNS answer that could change.
   */
  public static boolean isLoopback(String registry) {
    String host = hostOf(registry).toLowerCase(Locale.ROOT);
    return host.equals("localhost") || host.equals("[::1]") || IPV4_LOOPBACK.matcher(host).matches();
  }

  /** {@code registry} without its port. */
  static String hostOf(String registry) {
    if (registry.startsWith("[")) {
      int end = registry.indexOf(']');
      return end > 0 ? registry.substring(0, end + 1) : registry;
    }
    int colon = registry.indexOf(':');
    return colon < 0 ? registry : registry.substring(0, colon);
  }
}
