package io.configurableagents.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestGuardTest {
  @Test
  void theConsoleIsNamedByAnIpAddressOrLocalhostWithItsPort() {
    assertThat(RequestGuard.allowedHost("127.0.0.1:8600", 8600)).isTrue();
    assertThat(RequestGuard.allowedHost("localhost:8600", 8600)).isTrue();
    assertThat(RequestGuard.allowedHost("LocalHost:8600", 8600)).isTrue();
    assertThat(RequestGuard.allowedHost("[::1]:8600", 8600)).isTrue();
    assertThat(RequestGuard.allowedHost("192.168.1.20:8600", 8600)).isTrue();
  }

  @Test
  void aNameThatCouldBeReboundToThisMachineOrAnotherPortIsRefused() {
    assertThat(RequestGuard.allowedHost("evil.example:8600", 8600)).isFalse();
    assertThat(RequestGuard.allowedHost("localhost.evil.example:8600", 8600)).isFalse();
    assertThat(RequestGuard.allowedHost("127.0.0.1.nip.io:8600", 8600)).isFalse();
    assertThat(RequestGuard.allowedHost("127.0.0.1:8601", 8600)).isFalse();
    assertThat(RequestGuard.allowedHost("127.0.0.1", 8600)).isFalse();
    assertThat(RequestGuard.allowedHost("[::1]", 8600)).isFalse();
    assertThat(RequestGuard.allowedHost("", 8600)).isFalse();
  }
}
