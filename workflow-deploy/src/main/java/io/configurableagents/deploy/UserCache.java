package io.configurableagents.deploy;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The user-wide cache the deploy layer keeps what it can reuse across projects and {@code mvn
 * clean} in: base-image layers pulled by Jib, jlink bases, the platform copies of jars. Where the
 * operating system keeps users' caches, as Jib's own base-image cache does: {@code
 * $XDG_CACHE_HOME}, else {@code ~/.cache} (Linux), {@code ~/Library/Caches} (macOS),
 * {@code %LOCALAPPDATA%} (Windows); see {@code docs/deploy.md}, "Caches".
 */
public final class UserCache {
  static final String NAME = "configurable-agents";

  private UserCache() {}

  /** This process's user-wide cache directory. */
  public static Path directory() {
    return directory(System.getenv(), Path.of(System.getProperty("user.home")), System.getProperty("os.name", ""));
  }

  static Path directory(Map<String, String> environment, Path userHome, String osName) {
    String xdg = environment.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, NAME);
    }
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      String local = environment.get("LOCALAPPDATA");
      return (local != null && !local.isBlank() ? Path.of(local) : userHome.resolve("AppData").resolve("Local"))
          .resolve(NAME).resolve("Cache");
    }
    if (os.startsWith("mac")) {
      return userHome.resolve("Library").resolve("Caches").resolve(NAME);
    }
    return userHome.resolve(".cache").resolve(NAME);
  }
}
