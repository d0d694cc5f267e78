package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BindAddressTest {
  private final HelpfulSuggestions suggestions = new HelpfulSuggestions();

  private BindAddress parse(String text) {
    return BindAddress.parse(text, Setting.TRACES_BIND, suggestions);
  }

  @Test
  void blankMeansEveryInterfaceAndPublishesWithoutAnAddress() {
    assertThat(parse(" ")).isEqualTo(BindAddress.EVERY_INTERFACE);
    assertThat(parse(null).publish(8000, 8000)).isEqualTo("8000:8000");
    assertThat(parse("").urlHost()).isEqualTo("localhost");
    assertThat(parse("").connectHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void loopbackIsReachedAsLocalhostFromThisMachineOnly() {
    BindAddress loopback = parse("127.0.0.1");

    assertThat(loopback).isEqualTo(BindAddress.LOOPBACK);
    assertThat(loopback.loopback()).isTrue();
    assertThat(loopback.everyInterface()).isFalse();
    assertThat(loopback.publish(5000, 5000)).isEqualTo("127.0.0.1:5000:5000");
    assertThat(loopback.urlHost()).isEqualTo("localhost");
  }

  @Test
  void theWildcardAddressesCountAsEveryInterface() {
    assertThat(parse("0.0.0.0").everyInterface()).isTrue();
    assertThat(parse("0.0.0.0").publish(8000, 8000)).isEqualTo("0.0.0.0:8000:8000");
    assertThat(parse("::").everyInterface()).isTrue();
  }

  @Test
  void aPortOnAnyHostPortIsPublishedWithTheAddressAndAnEmptyHostPort() {
    assertThat(parse("").publishOnAnyPort(5000)).isEqualTo("5000");
    assertThat(parse("127.0.0.1").publishOnAnyPort(5000)).isEqualTo("127.0.0.1::5000");
    assertThat(parse("::1").publishOnAnyPort(5000)).isEqualTo("[::1]::5000");
  }

  @Test
  void oneAddressIsNamedInUrlsAndIpv6InBrackets() {
    assertThat(parse("10.0.0.7").urlHost()).isEqualTo("10.0.0.7");
    assertThat(parse("10.0.0.7").connectHost()).isEqualTo("10.0.0.7");
    assertThat(parse("[::1]").publish(5000, 5000)).isEqualTo("[::1]:5000:5000");
    assertThat(parse("::1").loopback()).isTrue();
    assertThat(parse("FD00::7").urlHost()).isEqualTo("[fd00::7]");
    assertThat(parse("::ffff:10.0.0.7").text()).isEqualTo("::ffff:10.0.0.7");
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "my-host.example", "256.1.1.1", "1.2.3", "1::2::3", "12345::1",
      "1:2:3:4:5:6:7:8:9", "127.0.0.1:5000"})
  void aHostNameOrAMalformedAddressFailsNamingTheSettingAndAnExample(String text) {
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(DeployException.class)
        .hasMessage("Invalid tracesBind '" + text + "': Docker publishes ports on an IP address of this machine, not a"
            + " host name (0.0.0.0 or empty for every interface, 127.0.0.1 for this machine only); perhaps you should"
            + " use the tracesBind setting (tracesBind=127.0.0.1)");
  }
}
