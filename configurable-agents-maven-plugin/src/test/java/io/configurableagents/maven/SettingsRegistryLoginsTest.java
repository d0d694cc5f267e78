package io.configurableagents.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configurableagents.deploy.DeployException;
import io.configurableagents.deploy.RegistryLogin;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.junit.jupiter.api.Test;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/** Registry logins from settings.xml servers, decrypted by Maven's own decrypter. */
class SettingsRegistryLoginsTest {
  /** The push-registry IT's master password file, and its server's password encrypted with it. */
  private static final Path SECURITY = Path.of("src/it/push-registry/settings-security.xml");
  private static final String ENCRYPTED = "{JgUNLuZsO74Hlq6J4EuiNxr8cvEn+9Lv/icHmoqXLhWpEm3l8WyoYJ/vrImcGhWo}";

  private static SettingsRegistryLogins logins(Path securityFile, Server... servers) {
    Settings settings = new Settings();
    for (Server server : servers) {
      settings.addServer(server);
    }
    DefaultSecDispatcher dispatcher = new DefaultSecDispatcher(new DefaultPlexusCipher(), Map.of(),
        securityFile.toAbsolutePath().toString());
    return new SettingsRegistryLogins(settings, new DefaultSettingsDecrypter(dispatcher), new MavenHelpfulSuggestions());
  }

  private static Server server(String id, String username, String password) {
    Server server = new Server();
    server.setId(id);
    server.setUsername(username);
    server.setPassword(password);
    return server;
  }

  @Test
  void anEncryptedPasswordIsDecryptedAsMavenDoes() {
    RegistryLogin login = logins(SECURITY, server("127.0.0.1:18230", "it-pusher", ENCRYPTED))
        .find("127.0.0.1:18230").orElseThrow();

    assertThat(login.username()).isEqualTo("it-pusher");
    assertThat(login.password()).isEqualTo("it-push-password");
    assertThat(login.source()).isEqualTo("the settings.xml server \"127.0.0.1:18230\"");
  }

  @Test
  void aPlainPasswordIsTakenAsItIsAndOtherIdsHaveNoLogin() {
    SettingsRegistryLogins logins = logins(SECURITY, server("ghcr.io", "me", "plain"));

    assertThat(logins.find("ghcr.io")).map(RegistryLogin::password).hasValue("plain");
    assertThat(logins.find("registry.example.com")).isEmpty();
  }

  @Test
  void aPasswordThatCannotBeDecryptedFailsNamingTheServerNotThePassword() {
    SettingsRegistryLogins logins = logins(Path.of("no-such-settings-security.xml"),
        server("127.0.0.1:18230", "it-pusher", ENCRYPTED));

    assertThatThrownBy(() -> logins.find("127.0.0.1:18230"))
        .isInstanceOfSatisfying(DeployException.class, e -> assertThat(e.isUserError()).isTrue())
        .hasMessageStartingWith("The credentials for the registry 127.0.0.1:18230 cannot be read: the password of the"
            + " settings.xml server \"127.0.0.1:18230\" could not be decrypted")
        .hasMessageNotContaining(ENCRYPTED)
        .hasMessageNotContaining("it-push-password");
  }
}
