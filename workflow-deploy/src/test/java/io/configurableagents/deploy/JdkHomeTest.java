package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkHomeTest {
  @TempDir Path dir;

  @Test
  void featureVersionsOfEveryNumberingScheme() {
    assertThat(JdkHome.feature("21.0.4")).isEqualTo(21);
    assertThat(JdkHome.feature("25")).isEqualTo(25);
    assertThat(JdkHome.feature("1.8.0_412")).isEqualTo(8);
    assertThat(JdkHome.feature("17-ea")).isEqualTo(17);
  }

  @Test
  void theJdkRunningTheTestsIsAccepted() {
    JdkHome jdk = JdkHome.require21(Path.of(System.getProperty("java.home")), new HelpfulSuggestions());

    assertThat(jdk.feature()).isEqualTo(Runtime.version().feature());
    assertThat(jdk.jlink()).isExecutable();
  }

  @Test
  void aJdkOlderThan21IsRefusedWithTheSettingToChange() throws IOException {
    Path jdk17 = fakeJdk("17.0.12");

    assertThatThrownBy(() -> JdkHome.require21(jdk17, new HelpfulSuggestions()))
        .isInstanceOfSatisfying(DeployException.class, e -> assertThat(e.isUserError()).isTrue())
        .hasMessage("The jlink base needs a JDK 21 or newer, but " + jdk17 + " is Java 17.0.12; perhaps you should"
            + " point the jlinkJdk setting (jlinkJdk=/usr/lib/jvm/temurin-21-jdk-amd64) at a JDK 21+ home");
  }

  @Test
  void aDirectoryWithoutJlinkIsNoJdk() {
    assertThatThrownBy(() -> JdkHome.require21(dir, new HelpfulSuggestions()))
        .hasMessageStartingWith(dir + " is not a JDK with jlink");
  }

  private Path fakeJdk(String version) throws IOException {
    Files.writeString(dir.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.writeString(bin.resolve("jlink"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(bin.resolve("jlink"), PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir;
  }
}
