package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class HostPortsTest {
  @Test
  void aPortSomethingListensOnIsNotFree() throws IOException {
    try (ServerSocket taken = new ServerSocket(0)) {
      assertThat(HostPorts.isFree(taken.getLocalPort())).isFalse();
    }
  }

  @Test
  void aPortTakenOnLoopbackOnlyIsNotFreeEither() throws IOException {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      assertThat(HostPorts.isFree(taken.getLocalPort())).isFalse();
    }
  }

  @Test
  void aPortNobodyUsesIsFree() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    assertThat(HostPorts.isFree(port)).isTrue();
  }
}
