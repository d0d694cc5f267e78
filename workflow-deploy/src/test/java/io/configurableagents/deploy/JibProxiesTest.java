package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class JibProxiesTest {
  private static JibProxies.Proxy proxy(String protocol, String host, int port) {
    return new JibProxies.Proxy(protocol, host, port, Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static Map<Object, Object> applied(List<JibProxies.Proxy> proxies, Properties properties) {
    JibProxies.apply(proxies, properties);
    return Map.copyOf(properties);
  }

  @Test
  void aPlainProxyWithCredentialsServesBothProtocolsAsMavenUsesIt() {
    JibProxies.Proxy corporate = new JibProxies.Proxy("http", "proxy.example.com", 3128, Optional.of("ada"),
        Optional.of("s3cret"), Optional.of("localhost|*.internal"));

    assertThat(applied(List.of(corporate), new Properties())).isEqualTo(Map.of(
        "https.proxyHost", "proxy.example.com", "https.proxyPort", "3128", "https.proxyUser", "ada",
        "https.proxyPassword", "s3cret",
        "http.proxyHost", "proxy.example.com", "http.proxyPort", "3128", "http.proxyUser", "ada",
        "http.proxyPassword", "s3cret", "http.nonProxyHosts", "localhost|*.internal"));
  }

  @Test
  void anHttpsProxyServesHttpsAndAnHttpOneHttp() {
    Map<Object, Object> properties = applied(
        List.of(proxy("http", "plain.example.com", 8080), proxy("https", "tls.example.com", 8443)), new Properties());

    assertThat(properties).containsEntry("https.proxyHost", "tls.example.com").containsEntry("https.proxyPort", "8443")
        .containsEntry("http.proxyHost", "plain.example.com").containsEntry("http.proxyPort", "8080");
  }

  @Test
  void aProxyGivenOnTheCommandLineWins() {
    Properties properties = new Properties();
    properties.setProperty("https.proxyHost", "cli.example.com");

    List<String> used = JibProxies.apply(List.of(proxy("http", "proxy.example.com", 3128)), properties);

    assertThat(properties).containsEntry("https.proxyHost", "cli.example.com").doesNotContainKey("https.proxyPort")
        .containsEntry("http.proxyHost", "proxy.example.com");
    assertThat(used).containsExactly("http through http://proxy.example.com:3128");
  }

  @Test
  void noProxiesChangeNothing() {
    assertThat(applied(List.of(), new Properties())).isEmpty();
  }

  @Test
  void aProxyNeverShowsItsPassword() {
    JibProxies.Proxy proxy = new JibProxies.Proxy("http", "proxy.example.com", 3128, Optional.of("ada"),
        Optional.of("s3cret"), Optional.empty());

    assertThat(proxy.toString()).isEqualTo("http://ada@proxy.example.com:3128").doesNotContain("s3cret");
    assertThat(JibProxies.apply(List.of(proxy), new Properties())).noneMatch(line -> line.contains("s3cret"));
  }
}
