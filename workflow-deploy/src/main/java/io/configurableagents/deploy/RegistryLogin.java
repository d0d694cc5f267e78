package io.configurableagents.deploy;

import java.util.Objects;

/**
 * A user name and password for a registry, as a front end holds them (Maven: a {@code settings.xml}
 * {@code <server>}, its password decrypted). {@link #toString()} never shows the password.
 *
 * @param source where it comes from, for messages (e.g. {@code settings.xml server "ghcr.io"})
 */
public record RegistryLogin(String username, String password, String source) {
  public RegistryLogin {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(source, "source");
  }

  @Override
  public String toString() {
    return "RegistryLogin[" + username + " from " + source + "]";
  }
}
