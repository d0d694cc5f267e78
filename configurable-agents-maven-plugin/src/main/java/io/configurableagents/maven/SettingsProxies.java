package io.configurableagents.maven;

import io.configurableagents.deploy.DeployException;
import io.configurableagents.deploy.JibProxies;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** The active {@code settings.xml} proxies, passwords decrypted as Maven decrypts them, for {@link JibProxies}. */
final class SettingsProxies {
  private SettingsProxies() {}

  static List<JibProxies.Proxy> active(Settings settings, SettingsDecrypter decrypter) {
    List<JibProxies.Proxy> proxies = new ArrayList<>();
    for (Proxy proxy : settings.getProxies()) {
      if (proxy.isActive()) {
        proxies.add(convert(decrypted(proxy, decrypter)));
      }
    }
    return proxies;
  }

  private static Proxy decrypted(Proxy proxy, SettingsDecrypter decrypter) {
    if (proxy.getPassword() == null) {
      return proxy;
    }
    SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
    String problems = result.getProblems().stream()
        .filter(p -> p.getSeverity() == SettingsProblem.Severity.ERROR || p.getSeverity() == SettingsProblem.Severity.FATAL)
        .map(SettingsProblem::getMessage)
        .collect(Collectors.joining("; "));
    if (!problems.isEmpty() || result.getProxy() == null) {
      throw DeployException.userError("The password of the settings.xml proxy \"" + proxy.getId() + "\" could not be"
          + " decrypted (" + problems + "); perhaps you should check it and the master password in"
          + " ~/.m2/settings-security.xml (mvn --encrypt-password)");
    }
    return result.getProxy();
  }

  private static JibProxies.Proxy convert(Proxy p) {
    return new JibProxies.Proxy(Optional.ofNullable(p.getProtocol()).orElse("http"), p.getHost(), p.getPort(),
        nonBlank(p.getUsername()), nonBlank(p.getPassword()), nonBlank(p.getNonProxyHosts()));
  }

  private static Optional<String> nonBlank(String s) {
    return Optional.ofNullable(s).filter(v -> !v.isBlank());
  }
}
