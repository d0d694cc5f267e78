package io.configurableagents.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Whether a port on this machine can be published, checked the way Docker will use it: by binding it. */
public final class HostPorts {
  private HostPorts() {}

  /** True when {@code port} can be listened on at {@code address} (e.g. {@code 127.0.0.1}) now. */
  public static boolean isFree(String address, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(address, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** True when nothing listens on {@code port} on any address of this machine. */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
