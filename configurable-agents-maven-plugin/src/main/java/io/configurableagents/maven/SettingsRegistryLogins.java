package io.configurableagents.maven;

import io.configurableagents.deploy.HelpfulSuggestions;
import io.configurableagents.deploy.RegistryCredentials;
import io.configurableagents.deploy.RegistryLogin;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Registry logins from Maven's settings: the {@code <server>} whose id is the registry, its
 * password decrypted as Maven decrypts it ({@code settings-security.xml}). Only the server asked
 * for is decrypted, when it is asked for.
 */
final class SettingsRegistryLogins implements RegistryCredentials.Logins {
  private final Settings settings;
  private final SettingsDecrypter decrypter;
  private final HelpfulSuggestions suggestions;

  SettingsRegistryLogins(Settings settings, SettingsDecrypter decrypter, HelpfulSuggestions suggestions) {
    this.settings = settings;
    this.decrypter = decrypter;
    this.suggestions = suggestions;
  }

  @Override
  public Optional<RegistryLogin> find(String serverId) {
    Server server = settings.getServer(serverId);
    if (server == null || server.getUsername() == null) {
      return Optional.empty();
    }
    SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
    String problems = result.getProblems().stream()
        .filter(p -> p.getSeverity() == SettingsProblem.Severity.ERROR || p.getSeverity() == SettingsProblem.Severity.FATAL)
        .map(SettingsProblem::getMessage)
        .collect(Collectors.joining("; "));
    if (!problems.isEmpty()) {
      throw suggestions.unreadableLogin(serverId, "the password of the settings.xml server \"" + serverId
          + "\" could not be decrypted (" + problems + ")");
    }
    Server decrypted = result.getServer();
    String password = decrypted.getPassword() == null ? "" : decrypted.getPassword();
    return Optional.of(new RegistryLogin(decrypted.getUsername(), password, "the settings.xml server \"" + serverId + "\""));
  }
}
