package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleJavaTest {
  @TempDir Path dir;
  private final HelpfulSuggestions suggestions = new HelpfulSuggestions();
  private final ConsoleJava.Found maven17 = new ConsoleJava.Found(Path.of("/opt/jdk-17"), "17.0.12", 17);

  @Test
  void mavenOnJava21OrNewerRunsTheConsoleItself() {
    ConsoleJava.Found maven21 = new ConsoleJava.Found(Path.of("/opt/jdk-21"), "21.0.4", 21);

    assertThat(ConsoleJava.find(Optional.empty(), maven21, List.of(), suggestions)).isEqualTo(maven21);
  }

  @Test
  void mavenOnJava17FindsTheNewestJava21PlusInstalled() throws IOException {
    Path jvms = Files.createDirectory(dir.resolve("jvm"));
    java(jvms.resolve("java-17-openjdk"), "17.0.2");
    java(jvms.resolve("temurin-21"), "21.0.4");
    Path newest = java(jvms.resolve("temurin-25"), "25");
    java(jvms.resolve("Temurin.jdk/Contents/Home"), "22.0.1");

    ConsoleJava.Found found = ConsoleJava.find(Optional.empty(), maven17, List.of(jvms, dir.resolve("none")), suggestions);

    assertThat(found.home()).isEqualTo(newest);
    assertThat(found.feature()).isEqualTo(25);
    assertThat(found.launcher()).isEqualTo(newest.resolve("bin/java"));
  }

  @Test
  void macOsBundlesCount() throws IOException {
    Path bundles = Files.createDirectory(dir.resolve("JavaVirtualMachines"));
    Path home = java(bundles.resolve("temurin-21.jdk/Contents/Home"), "21.0.1");

    assertThat(ConsoleJava.find(Optional.empty(), maven17, List.of(bundles), suggestions).home()).isEqualTo(home);
  }

  @Test
  void withoutAnyJava21TheMessageSaysWhatRunsWhereItLookedAndWhatToSet() throws IOException {
    Path jvms = Files.createDirectory(dir.resolve("jvm"));
    java(jvms.resolve("java-17-openjdk"), "17.0.2");

    assertThatThrownBy(() -> ConsoleJava.find(Optional.empty(), maven17, List.of(jvms), suggestions))
        .isInstanceOfSatisfying(DeployException.class, e -> assertThat(e.isUserError()).isTrue())
        .hasMessage("The console runs on Java 21 or newer, but this runs on Java 17.0.12 (/opt/jdk-17) and no Java 21+"
            + " was found in " + jvms + "; perhaps you should point the consoleJdk setting"
            + " (consoleJdk=/usr/lib/jvm/temurin-21-jdk-amd64) at a Java 21+ home, or install one (https://adoptium.net)");
  }

  @Test
  void aNamedJavaMustBe21OrNewerAndAJavaAtAll() throws IOException {
    Path old = java(dir.resolve("jdk-17"), "17.0.2");
    Path notJava = Files.createDirectory(dir.resolve("empty"));

    assertThatThrownBy(() -> ConsoleJava.find(Optional.of(old), maven17, List.of(), suggestions))
        .hasMessageStartingWith("The console runs on Java 21 or newer, but " + old + " is Java 17.0.2; perhaps you"
            + " should point the consoleJdk setting");
    assertThatThrownBy(() -> ConsoleJava.find(Optional.of(notJava), maven17, List.of(), suggestions))
        .hasMessageStartingWith(notJava + " is not a Java installation (it has no bin/java and no release file)");
    Path named = java(dir.resolve("jdk-21"), "21.0.4");
    assertThat(ConsoleJava.find(Optional.of(named), maven17, List.of(), suggestions).version()).isEqualTo("21.0.4");
  }

  /** A Java home as installers leave it: a release file and an executable bin/java. */
  private static Path java(Path home, String version) throws IOException {
    Files.createDirectories(home.resolve("bin"));
    Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
    Files.createFile(home.resolve("bin/java"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    return home;
  }
}
