package io.configurableagents.deploy;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The host address a container port is published on ({@code docker run -p ADDRESS:HOST:INSIDE}):
 * every interface of this machine, or one IP address of it. Docker takes IP addresses only, no
 * host names. Which of the two ports gets which by default, and why: {@code docs/deploy.md},
 * "Bind addresses".
 */
public final class BindAddress {
  /** Every interface: {@code -p 8000:8000}, as Docker publishes without an address. */
  public static final BindAddress EVERY_INTERFACE = new BindAddress("");

  /** This machine only: {@code -p 127.0.0.1:5000:5000}. */
  public static final BindAddress LOOPBACK = new BindAddress("127.0.0.1");

  private static final Pattern IPV4 =
      Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  /** Empty for every interface, else an IP literal (IPv6 without brackets). */
  private final String address;

  private BindAddress(String address) {
    this.address = address;
  }

  /**
   * Reads the user's setting: blank is every interface; otherwise an IPv4 or IPv6 address (an
   * IPv6 one with or without brackets). A host name fails, since Docker would refuse it.
   */
  public static BindAddress parse(String text, Setting setting, HelpfulSuggestions suggestions) {
    String s = text == null ? "" : text.strip();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    if (s.isEmpty()) {
      return EVERY_INTERFACE;
    }
    if (IPV4.matcher(s).matches() || (IPV6.matcher(s).matches() && validIpv6(s))) {
      return new BindAddress(s.toLowerCase(Locale.ROOT));
    }
    throw suggestions.invalidSetting(setting, text,
        "Docker publishes ports on an IP address of this machine, not a host name (0.0.0.0 or empty for every"
            + " interface, 127.0.0.1 for this machine only)", "127.0.0.1");
  }

  /** The address as {@code docker inspect} reports a binding's {@code HostIp}: empty for every interface. */
  static BindAddress ofDocker(String hostIp) {
    String ip = hostIp.strip();
    return ip.isEmpty() ? EVERY_INTERFACE : new BindAddress(ip.toLowerCase(Locale.ROOT));
  }

  /** Whether the port is reachable on every interface (no address, {@code 0.0.0.0} or {@code ::}). */
  public boolean everyInterface() {
    return address.isEmpty() || address.equals("0.0.0.0") || address.equals("::");
  }

  /** Whether only this machine reaches it ({@code 127.x.x.x} or {@code ::1}). */
  public boolean loopback() {
    return address.startsWith("127.") || address.equals("::1");
  }

  /** The address as {@code docker run -p} and compose write it: {@code ADDRESS:HOST:INSIDE}, or {@code HOST:INSIDE}. */
  public String publish(int hostPort, int containerPort) {
    return (address.isEmpty() ? "" : literal() + ":") + hostPort + ":" + containerPort;
  }

  /** As compose writes a port published on a host port Docker picks: {@code ADDRESS::INSIDE}, or {@code INSIDE}. */
  public String publishOnAnyPort(int containerPort) {
    return (address.isEmpty() ? "" : literal() + "::") + containerPort;
  }

  /** The host part of a URL that reaches the port from this machine: {@code localhost} unless it is one address. */
  public String urlHost() {
    return everyInterface() || address.equals("127.0.0.1") ? "localhost" : literal();
  }

  /** Where this machine connects to reach the port (the health wait). */
  public String connectHost() {
    return everyInterface() ? "127.0.0.1" : literal();
  }

  /** The socket address Docker will bind, to check that the port is free on it. */
  InetSocketAddress socketAddress(int port) {
    return address.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(address, port);
  }

  /** As the user would write it; empty for every interface. */
  public String text() {
    return address;
  }

  /** For messages: "every interface" or the address. */
  @Override
  public String toString() {
    return address.isEmpty() ? "every interface" : address;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BindAddress other && other.address.equals(address);
  }

  @Override
  public int hashCode() {
    return address.hashCode();
  }

  private String literal() {
    return address.contains(":") ? "[" + address + "]" : address;
  }

  /** At most one {@code ::}, at most eight groups of 1 to 4 hex digits (an embedded IPv4 tail counts as two). */
  private static boolean validIpv6(String s) {
    if (s.indexOf("::") != s.lastIndexOf("::")) {
      return false;
    }
    String[] groups = s.split(":", -1);
    int count = 0;
    for (int i = 0; i < groups.length; i++) {
      String g = groups[i];
      if (g.isEmpty()) {
        continue;
      }
      if (i == groups.length - 1 && g.contains(".")) {
        if (!IPV4.matcher(g).matches()) {
          return false;
        }
        count += 2;
      } else if (g.matches("[0-9a-fA-F]{1,4}")) {
        count++;
      } else {
        return false;
      }
    }
    return s.contains("::") ? count < 8 : count == 8;
  }
}
