package io.configurableagents.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Java runtime the console runs on. The console is a Helidon SE 4 server, which needs Java
 * 21, while the Maven that starts it may run on Java 17; so it runs in a JVM of its own, of (in
 * this order) the Java home the user names, else the JVM running Maven when it is 21 or newer,
 * else the newest Java 21+ installed in the usual places ({@link #defaultSearchRoots}).
 */
public final class ConsoleJava {
  /** The oldest Java the console runs on. */
  public static final int MINIMUM_FEATURE = 21;

  private ConsoleJava() {}

  /** A Java installation: its home and version ({@code 21.0.4}). */
  public record Found(Path home, String version, int feature) {
    /** Its {@code java} launcher. */
    public Path launcher() {
      Path unix = home.resolve("bin/java");
      return Files.isExecutable(unix) ? unix : home.resolve("bin/java.exe");
    }
  }

  /**
   * The Java to run the console on; fails with advice when none is 21 or newer.
   *
   * @param given the home the user named, if any: used when it is Java 21+, an error otherwise
   * @param running the JVM running this code (its home and version)
   * @param searchRoots directories whose entries are Java homes (as {@code /usr/lib/jvm})
   */
  public static Found find(Optional<Path> given, Found running, List<Path> searchRoots, HelpfulSuggestions suggestions) {
    if (given.isPresent()) {
      Path home = given.get().toAbsolutePath().normalize();
      Found found = read(home).orElseThrow(() -> suggestions.notAJavaHome(home));
      if (found.feature() < MINIMUM_FEATURE) {
        throw suggestions.consoleJdkTooOld(home, found.version());
      }
      return found;
    }
    if (running.feature() >= MINIMUM_FEATURE) {
      return running;
    }
    return installed(searchRoots).stream()
        .filter(f -> f.feature() >= MINIMUM_FEATURE)
        .max(Comparator.comparingInt(Found::feature))
        .orElseThrow(() -> suggestions.consoleNeedsJava21(running.home(), running.version(), searchRoots));
  }

  /** The JVM running this code. */
  public static Found running() {
    Runtime.Version version = Runtime.version();
    return new Found(Path.of(System.getProperty("java.home")), version.toString(), version.feature());
  }

  /** Where Java installations usually are: Linux packages, macOS, SDKMAN!, IntelliJ's downloads. */
  public static List<Path> defaultSearchRoots() {
    Path userHome = Path.of(System.getProperty("user.home"));
    return List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"), Path.of("/opt/java"),
        Path.of("/Library/Java/JavaVirtualMachines"), userHome.resolve(".sdkman/candidates/java"),
        userHome.resolve(".jdks"));
  }

  /** Every Java home directly below the roots (or in a macOS bundle's {@code Contents/Home}). */
  static List<Found> installed(List<Path> roots) {
    List<Found> found = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> entries = Files.list(root)) {
        entries.sorted().forEach(entry -> read(entry).or(() -> read(entry.resolve("Contents/Home")))
            .ifPresent(found::add));
      } catch (IOException e) {
        // a root that cannot be listed holds nothing we can use
      }
    }
    return found;
  }

  /** The installation at {@code home}, read from its {@code release} file, when it has a launcher. */
  static Optional<Found> read(Path home) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release)
        || !(Files.isExecutable(home.resolve("bin/java")) || Files.isExecutable(home.resolve("bin/java.exe")))) {
      return Optional.empty();
    }
    try {
      Optional<String> version = JdkHome.value(Files.readString(release, StandardCharsets.UTF_8), "JAVA_VERSION");
      return version.map(v -> new Found(home.toAbsolutePath().normalize(), v, JdkHome.feature(v)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
