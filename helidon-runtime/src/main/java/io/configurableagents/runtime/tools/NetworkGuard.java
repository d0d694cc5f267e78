package io.configurableagents.runtime.tools;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where the network tools may go: {@code http} and {@code https} URLs whose host resolves only to
 * public addresses. Loopback, link-local (cloud metadata at 169.254.169.254), private (10/8,
 * 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT, unspecified and multicast addresses are
 * refused, by name or after DNS resolution, unless {@code ALLOWED_HOSTS} lists the host ({@code
 * host} or {@code host:port}, by the name in the URL or by the address). Redirects are checked hop
 * by hop by the caller ({@link ToolHttp}). See docs/tools.md, "Network tools".
 */
final class NetworkGuard {
  private final List<String> allowed;

  NetworkGuard(List<String> allowedHosts) {
    this.allowed = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
  }

  /**
   * @throws ToolException refused when the URL is not http(s) or reaches an address not allowed;
   *     bad input when it is not a URL with a host
   */
  void check(URI uri) throws ToolException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw ToolException.refused("only http and https URLs are allowed, not " + (scheme.isEmpty() ? "\"" + uri + "\"" : scheme + ":"));
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw ToolException.badInput("\"" + uri + "\" has no host");
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (listed(bare, port)) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(bare);
    } catch (UnknownHostException e) {
      throw ToolException.failed("cannot resolve host " + bare);
    }
    for (InetAddress address : addresses) {
      if (!isPublic(address) && !listed(address.getHostAddress(), port)) {
        throw ToolException.refused(
            "refused to connect to " + bare + (bare.equals(address.getHostAddress()) ? "" : " (" + address.getHostAddress() + ")")
                + ": a loopback, link-local or private address; if the workflow really needs it, list "
                + bare + ":" + port + " in the ALLOWED_HOSTS environment variable");
      }
    }
  }

  private boolean listed(String host, int port) {
    String h = host.toLowerCase(Locale.ROOT);
    return allowed.contains(h) || allowed.contains(h + ":" + port) || allowed.contains("[" + h + "]:" + port);
  }

  static boolean isPublic(InetAddress address) {
    if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
        || address.isAnyLocalAddress() || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first != 0 && !(first == 100 && second >= 64 && second < 128) && first < 240;
    }
    if (address instanceof Inet6Address) {
      boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
      boolean mappedV4 = isMapped(b);
      if (mappedV4) {
        try {
          return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return false;
        }
      }
      return !uniqueLocal;
    }
    return false;
  }

  private static boolean isMapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }
}
