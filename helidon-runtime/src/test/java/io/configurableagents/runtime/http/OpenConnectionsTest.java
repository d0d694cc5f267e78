package io.configurableagents.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenConnectionsTest {

  @Test
  void establishedAndClosingConnectionsToThePortCountListenersAndOtherPortsDoNot() {
    // port 8000 is 1F40; states 01 ESTABLISHED, 08 CLOSE_WAIT, 0A LISTEN
    String established = "   1: 0100007F:1F40 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000     0        0 1 1 0 10 0 0 10 -1";
    String closing = "   2: 0100007F:1F40 0100007F:D2F2 08 00000000:00000000 00:00000000 00000000     0        0 2 1 0 10 0 0 10 -1";
    String listening = "   0: 00000000:1F40 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 3 1 0 10 0";
    String client = "   3: 0100007F:D2F0 0100007F:1F40 01 00000000:00000000 00:00000000 00000000     0        0 4 1 0 10 0";
    String ipv6 = "   4: 0000000000000000FFFF00000100007F:1F40 0000000000000000FFFF00000100007F:D2F4 01 00000000:00000000 00:00000000";

    assertThat(OpenConnections.isConnectionTo(established, 8000)).isTrue();
    assertThat(OpenConnections.isConnectionTo(closing, 8000)).isTrue();
    assertThat(OpenConnections.isConnectionTo(ipv6, 8000)).isTrue();
    assertThat(OpenConnections.isConnectionTo(listening, 8000)).isFalse();
    assertThat(OpenConnections.isConnectionTo(client, 8000)).isFalse();
    assertThat(OpenConnections.isConnectionTo(established, 8001)).isFalse();

    assertThat(OpenConnections.isListenerOn(listening, 8000)).isTrue();
    assertThat(OpenConnections.isListenerOn(established, 8000)).isFalse();
    assertThat(OpenConnections.isListenerOn(listening, 8001)).isFalse();
  }

  @Test
  void nothingIsCountedBeforeTheServerListens() {
    assertThat(new OpenConnections().count()).isEmpty();
    assertThat(new OpenConnections().listening()).isEmpty();
  }
}
