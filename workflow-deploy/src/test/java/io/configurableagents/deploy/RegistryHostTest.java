package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistryHostTest {
  @Test
  void loopbackIsToldByNameOrAddressWithOrWithoutPort() {
    assertThat(RegistryHost.isLoopback("localhost")).isTrue();
    assertThat(RegistryHost.isLoopback("localhost:5000")).isTrue();
    assertThat(RegistryHost.isLoopback("LOCALHOST:5000")).isTrue();
    assertThat(RegistryHost.isLoopback("127.0.0.1:5000")).isTrue();
    assertThat(RegistryHost.isLoopback("127.10.20.30")).isTrue();
    assertThat(RegistryHost.isLoopback("[::1]:5000")).isTrue();
  }

  @Test
  void everyOtherHostIsRemoteEvenWhenItsNameLooksLocal() {
    assertThat(RegistryHost.isLoopback("registry.example.com")).isFalse();
    assertThat(RegistryHost.isLoopback("localhost.example.com:5000")).isFalse();
    assertThat(RegistryHost.isLoopback("127.0.0.1.nip.io:5000")).isFalse();
    assertThat(RegistryHost.isLoopback("10.0.0.5:5000")).isFalse();
    assertThat(RegistryHost.isLoopback("0.0.0.0:5000")).isFalse();
    assertThat(RegistryHost.isLoopback("registry-1.docker.io")).isFalse();
  }
}
