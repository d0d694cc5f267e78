package io.configurableagents.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * A front end's HTTP proxies (Maven: the active {@code settings.xml} {@code <proxies>}), handed to
 * Jib the way the Jib plugins hand them: as the JVM's proxy properties ({@code https.proxyHost},
 * {@code https.proxyPort}, {@code https.proxyUser}, {@code https.proxyPassword}, the same for
 * {@code http}, and {@code http.nonProxyHosts}), which Jib's HTTP client reads. Properties already
 * set (e.g. {@code -Dhttps.proxyHost=...} on the command line) win. See {@code docs/deploy.md},
 * "Proxies".
 */
public final class JibProxies {
  private static final List<String> PER_PROTOCOL = List.of("proxyHost", "proxyPort", "proxyUser", "proxyPassword");

  private JibProxies() {}

  /**
   * One proxy.
   *
   * @param protocol the protocol the proxy speaks, {@code http} or {@code https}
   * @param nonProxyHosts hosts reached without it, {@code |}-separated, {@code *} as a wildcard
   */
  public record Proxy(String protocol, String host, int port, Optional<String> username, Optional<String> password,
      Optional<String> nonProxyHosts) {
    public Proxy {
      Objects.requireNonNull(protocol, "protocol");
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(nonProxyHosts, "nonProxyHosts");
    }

    /** Never shows the password. */
    @Override
    public String toString() {
      return protocol + "://" + username.map(u -> u + "@").orElse("") + host + ":" + port;
    }
  }

  /**
   * Sets {@code properties} for the registries' protocols: {@code https} through the first proxy
   * speaking https, else the first speaking http (a plain proxy tunnels TLS, as Maven uses it for
   * https repositories); {@code http} through the first speaking http. A protocol whose properties
   * are set already is left alone.
   *
   * @return the proxies used, by the protocol they serve, for the log
   */
  public static List<String> apply(List<Proxy> proxies, Properties properties) {
    List<String> used = new ArrayList<>();
    Optional<Proxy> http = first(proxies, "http");
    for (String protocol : List.of("https", "http")) {
      Optional<Proxy> proxy = protocol.equals("https") ? first(proxies, "https").or(() -> http) : http;
      if (proxy.isEmpty() || PER_PROTOCOL.stream().anyMatch(p -> properties.getProperty(protocol + "." + p) != null)) {
        continue;
      }
      Proxy p = proxy.get();
      properties.setProperty(protocol + ".proxyHost", p.host());
      properties.setProperty(protocol + ".proxyPort", String.valueOf(p.port()));
      p.username().ifPresent(u -> properties.setProperty(protocol + ".proxyUser", u));
      p.password().ifPresent(pw -> properties.setProperty(protocol + ".proxyPassword", pw));
      if (p.nonProxyHosts().isPresent() && properties.getProperty("http.nonProxyHosts") == null) {
        properties.setProperty("http.nonProxyHosts", p.nonProxyHosts().get());
      }
      used.add(protocol + " through " + p);
    }
    return used;
  }

  private static Optional<Proxy> first(List<Proxy> proxies, String protocol) {
    return proxies.stream().filter(p -> p.protocol().equalsIgnoreCase(protocol)).findFirst();
  }
}
