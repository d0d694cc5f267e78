package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePlatformTest {
  @TempDir Path dir;

  private final HelpfulSuggestions suggestions = new HelpfulSuggestions();
  private static final ImagePlatform ARM64 = new ImagePlatform("linux", "arm64");

  @Test
  void aPlatformIsWrittenAsDockersPlatformFlagWritesIt() {
    assertThat(ImagePlatform.parse("linux/arm64", suggestions)).isEqualTo(ARM64);
    assertThat(ImagePlatform.parse(" Linux/ARM64 ", suggestions)).isEqualTo(ARM64);
    assertThat(ImagePlatform.parse("arm64", suggestions)).isEqualTo(ARM64);
    assertThat(ARM64).hasToString("linux/arm64");
  }

  @Test
  void aVariantIsRefusedSinceJibCannotSelectByIt() {
    assertThatThrownBy(() -> ImagePlatform.parse("linux/arm/v7", suggestions))
        .isInstanceOf(DeployException.class)
        .hasMessage("Invalid platform 'linux/arm/v7': Jib picks a base image's platform by OS and architecture only,"
            + " without a variant; perhaps you should use the platform setting (platform=linux/arm64)");
    assertThatThrownBy(() -> ImagePlatform.parse("linux arm64", suggestions))
        .hasMessageStartingWith("Invalid platform 'linux arm64': a platform is OS/ARCHITECTURE as Docker names them");
  }

  @Test
  void theDaemonsPlatformIsReadFromDockerVersion() {
    assertThat(ImagePlatform.ofDockerVersion("linux/arm64\n")).hasValue(ARM64);
    assertThat(ImagePlatform.ofDockerVersion("/\n")).isEmpty();
  }

  @Test
  void thisMachinesArchitectureIsNamedAsDockerNamesIt() {
    assertThat(ImagePlatform.ofThisMachine().os()).isEqualTo("linux");
    assertThat(ImagePlatform.ofThisMachine().architecture()).isIn("amd64", "arm64");
  }

  @Test
  void theUsersChoiceWinsThenTheDaemonsThenThisMachines() {
    DeployRequest chosen = TestRequests.request(dir).toBuilder().platform(Optional.of(ARM64)).build();
    DeployRequest unset = TestRequests.request(dir);
    ImagePlatform daemon = new ImagePlatform("linux", "ppc64le");

    assertThat(ImagePlatform.choose(chosen, () -> Optional.of(daemon), suggestions)).isEqualTo(ARM64);
    assertThat(ImagePlatform.choose(unset, () -> Optional.of(daemon), suggestions)).isEqualTo(daemon);
    assertThat(ImagePlatform.choose(unset, Optional::empty, suggestions)).isEqualTo(ImagePlatform.ofThisMachine());
  }

  @Test
  void theJlinkBaseIsForThisMachineOnlyAndAnotherPlatformFailsWithAdvice() {
    DeployRequest jlink = TestRequests.request(dir).toBuilder().baseImage(new BaseImage.Jlink(Optional.empty())).build();
    ImagePlatform other = ImagePlatform.ofThisMachine().architecture().equals("arm64")
        ? new ImagePlatform("linux", "amd64") : ARM64;

    assertThat(ImagePlatform.choose(jlink, () -> Optional.of(other), suggestions)).isEqualTo(ImagePlatform.ofThisMachine());
    assertThatThrownBy(() -> ImagePlatform.choose(jlink.toBuilder().platform(Optional.of(other)).build(), Optional::empty,
        suggestions))
        .isInstanceOfSatisfying(DeployException.class, e -> assertThat(e.isUserError()).isTrue())
        .hasMessage("The jlink base is made from this machine's JDK and libraries, which run on "
            + ImagePlatform.ofThisMachine() + " only, not on " + other + "; perhaps you should build on a multi-platform"
            + " registry base instead, e.g. the baseImage setting (baseImage=eclipse-temurin:21-jre), or leave platform"
            + " unset");
  }

  @Test
  void withoutDockerThereIsNoDaemonPlatformAndNoFailure() {
    DockerCli missing = DockerCli.create("/no/such/docker", java.util.Map.of(), suggestions);

    assertThat(new DockerPreflight(missing, suggestions).serverPlatform()).isEmpty();
  }

  @Test
  void theDockerDaemonIsAskedForItsPlatform() {
    FakeDocker docker = new FakeDocker(args -> FakeDocker.Answer.ok("linux/arm64\n"));

    assertThat(new DockerPreflight(docker.cli(), suggestions).serverPlatform()).hasValue(ARM64);
    assertThat(docker.commands()).containsExactly(java.util.List.of("version", "--format", "{{.Server.Os}}/{{.Server.Arch}}"));
  }
}
