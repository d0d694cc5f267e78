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

  @Test
  void aPortTakenOnEveryInterfaceIsNotFreeOnLoopback() throws IOException {
    try (ServerSocket taken = new ServerSocket(0)) {
      assertThat(HostPorts.check(BindAddress.LOOPBACK, taken.getLocalPort())).isEqualTo(HostPorts.Availability.IN_USE);
    }
  }

  @Test
  void aPortTakenOnAnotherLoopbackAddressIsFreeOnThisOne() throws IOException {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
      assertThat(HostPorts.check(BindAddress.LOOPBACK, taken.getLocalPort())).isEqualTo(HostPorts.Availability.FREE);
    }
  }

  @Test
  void anAddressOfAnotherMachineIsReportedAsSuch() throws IOException {
    // 192.0.2.0/24 is reserved for documentation (RFC 5737): no interface has it
    BindAddress elsewhere = BindAddress.parse("192.0.2.10", Setting.BIND, new HelpfulSuggestions());

    assertThat(HostPorts.check(elsewhere, 8000)).isEqualTo(HostPorts.Availability.NOT_AN_ADDRESS_OF_THIS_MACHINE);
  }
}
