package io.configurableagents.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A JDK installation, read from its {@code release} file.
 *
 * @param release the {@code release} file's text (it identifies the build exactly)
 */
public record JdkHome(Path home, String version, int feature, String release) {

  /** Reads {@code home}; fails with advice when it is no JDK with jlink, or older than 21. */
  static JdkHome require21(Path home, HelpfulSuggestions suggestions) {
    Path normalized = home.toAbsolutePath().normalize();
    Path releaseFile = normalized.resolve("release");
    if (!Files.isRegularFile(releaseFile) || !Files.isExecutable(normalized.resolve("bin/jlink"))) {
      throw suggestions.notAJdk(normalized);
    }
    String release;
    try {
      release = Files.readString(releaseFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw DeployException.environment("could not read " + releaseFile + ": " + e.getMessage(), e);
    }
    String version = value(release, "JAVA_VERSION").orElseThrow(() -> suggestions.notAJdk(normalized));
    int feature = feature(version);
    if (feature < 21) {
      throw suggestions.jlinkNeedsNewerJdk(normalized, version);
    }
    return new JdkHome(normalized, version, feature, release);
  }

  public Path jlink() {
    return home.resolve("bin/jlink");
  }

  static Optional<String> value(String release, String key) {
    return release.lines()
        .filter(l -> l.startsWith(key + "="))
        .map(l -> l.substring(key.length() + 1).replace("\"", "").strip())
        .findFirst();
  }

  /** 21 for "21.0.4", 8 for "1.8.0_412". */
  static int feature(String version) {
    String[] parts = version.split("[._+-]");
    try {
      int first = Integer.parseInt(parts[0]);
      return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
