package io.configurableagents.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configurableagents.deploy.DeployException;
import io.configurableagents.deploy.JibProxies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/** settings.xml proxies as Jib gets them: the active ones, passwords decrypted by Maven's own decrypter. */
class SettingsProxiesTest {
  @TempDir Path dir;

  private DefaultSettingsDecrypter decrypter(String master) throws Exception {
    Path security = dir.resolve("settings-security.xml");
    Files.writeString(security, "<settingsSecurity><master>" + master + "</master></settingsSecurity>");
    return new DefaultSettingsDecrypter(new DefaultSecDispatcher(new DefaultPlexusCipher(), Map.of(),
        security.toString()));
  }

  private static Proxy proxy(String id, boolean active, String password) {
    Proxy proxy = new Proxy();
    proxy.setId(id);
    proxy.setActive(active);
    proxy.setProtocol("http");
    proxy.setHost(id + ".example.com");
    proxy.setPort(3128);
    proxy.setUsername("ada");
    proxy.setPassword(password);
    proxy.setNonProxyHosts("localhost");
    return proxy;
  }

  @Test
  void activeProxiesComeWithTheirPasswordDecrypted() throws Exception {
    DefaultPlexusCipher cipher = new DefaultPlexusCipher();
    String master = cipher.encryptAndDecorate("master-password", "settings.security");
    Settings settings = new Settings();
    settings.addProxy(proxy("office", true, cipher.encryptAndDecorate("proxy-password", "master-password")));
    settings.addProxy(proxy("home", false, "plain"));

    List<JibProxies.Proxy> proxies = SettingsProxies.active(settings, decrypter(master));

    assertThat(proxies).containsExactly(new JibProxies.Proxy("http", "office.example.com", 3128, Optional.of("ada"),
        Optional.of("proxy-password"), Optional.of("localhost")));
  }

  @Test
  void aPasswordThatCannotBeDecryptedFailsNamingTheProxyNotThePassword() throws Exception {
    String encrypted = new DefaultPlexusCipher().encryptAndDecorate("proxy-password", "another-master");
    Settings settings = new Settings();
    settings.addProxy(proxy("office", true, encrypted));
    String master = new DefaultPlexusCipher().encryptAndDecorate("master-password", "settings.security");

    assertThatThrownBy(() -> SettingsProxies.active(settings, decrypter(master)))
        .isInstanceOfSatisfying(DeployException.class, e -> assertThat(e.isUserError()).isTrue())
        .hasMessageStartingWith("The password of the settings.xml proxy \"office\" could not be decrypted")
        .hasMessageNotContaining(encrypted)
        .hasMessageNotContaining("proxy-password");
  }
}
