package io.configurableagents.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;

/** Whether a port on this machine can be published, checked the way Docker will use it: by binding it. */
public final class HostPorts {
  private HostPorts() {}

  /** Whether a port can be bound on an address. */
  public enum Availability {
    FREE,
    /** Something listens on it (on that address, or on every interface). */
    IN_USE,
    /** The address is none of this machine's: nothing can be published on it here. */
    NOT_AN_ADDRESS_OF_THIS_MACHINE
  }

  /** True when {@code port} can be listened on at {@code address} (e.g. {@code 127.0.0.1}) now. */
  public static boolean isFree(String address, int port) {
    return canBind(new InetSocketAddress(address, port));
  }

  /** True when nothing listens on {@code port} on any address of this machine. */
  public static boolean isFree(int port) {
    return check(BindAddress.EVERY_INTERFACE, port) == Availability.FREE;
  }

  /** Whether {@code port} can be bound on {@code address}, as Docker will bind it. */
  public static Availability check(BindAddress address, int port) {
    InetSocketAddress socketAddress = address.socketAddress(port);
    if (canBind(socketAddress)) {
      return Availability.FREE;
    }
    return address.everyInterface() || ofThisMachine(socketAddress) ? Availability.IN_USE
        : Availability.NOT_AN_ADDRESS_OF_THIS_MACHINE;
  }

  private static boolean canBind(InetSocketAddress address) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(address);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean ofThisMachine(InetSocketAddress address) {
    try {
      return address.getAddress().isLoopbackAddress() || NetworkInterface.getByInetAddress(address.getAddress()) != null;
    } catch (SocketException e) {
      return true;
    }
  }
}
