package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BaseImageTest {
  private final Path project = Path.of("/work/project");
  private final HelpfulSuggestions suggestions = new HelpfulSuggestions();

  private BaseImage parse(String spec) {
    return BaseImage.parse(spec, Optional.empty(), project, suggestions);
  }

  @Test
  void eachFormIsRecognised() {
    assertThat(parse("eclipse-temurin:21-jre")).isEqualTo(new BaseImage.Registry("eclipse-temurin:21-jre"));
    assertThat(parse("localhost:5000/jre:21")).isEqualTo(new BaseImage.Registry("localhost:5000/jre:21"));
    assertThat(parse("docker://my-jre:21")).isEqualTo(new BaseImage.DockerDaemon("my-jre:21"));
    assertThat(parse("tar://target/jre.tar")).isEqualTo(new BaseImage.Tarball(project.resolve("target/jre.tar")));
    assertThat(parse("tar:///abs/jre.tar")).isEqualTo(new BaseImage.Tarball(Path.of("/abs/jre.tar")));
    assertThat(parse(" jlink ")).isEqualTo(new BaseImage.Jlink(Optional.empty()));
    assertThat(BaseImage.parse("jlink", Optional.of(Path.of("/jdk")), project, suggestions))
        .isEqualTo(new BaseImage.Jlink(Optional.of(Path.of("/jdk"))));
  }

  @Test
  void theJlinkJdkDefaultsToTheOneRunningTheBuild() {
    assertThat(new BaseImage.Jlink(Optional.empty()).jdkHome()).isEqualTo(Path.of(System.getProperty("java.home")));
  }

  @Test
  void somethingElseIsRefusedWithTheFormsThatWork() {
    assertThatThrownBy(() -> parse("http://example.com/jre"))
        .hasMessage("Invalid baseImage 'http://example.com/jre': expected an image reference, docker://NAME,"
            + " tar://PATH or jlink; perhaps you should use the baseImage setting (baseImage=jlink)");
    assertThatThrownBy(() -> parse("docker://")).hasMessageStartingWith("Invalid baseImage 'docker://'");
  }

  @Test
  void onlyARegistryBaseNeedsTheNetworkAndNamesItsRegistry() {
    assertThat(parse("eclipse-temurin:21-jre").fromRegistry()).isTrue();
    assertThat(parse("eclipse-temurin:21-jre").registry()).hasValue("registry-1.docker.io");
    assertThat(parse("localhost:5000/jre:21").registry()).hasValue("localhost:5000");
    assertThat(parse("127.0.0.1:5000/jre:21").registry()).hasValue("127.0.0.1:5000");
    assertThat(parse("registry.example.com/localhost:5000").registry()).hasValue("registry.example.com");
    assertThat(parse("jlink").registry()).isEmpty();
    assertThat(parse("docker://my-jre:21").fromRegistry()).isFalse();
    assertThat(parse("tar://jre.tar").fromRegistry()).isFalse();
    assertThat(parse("jlink").fromRegistry()).isFalse();
  }

  @Test
  void theGeneratedDockerfileNamesTheBaseWhereDockerCanNameItAndTheDefaultJreForATar() {
    assertThat(parse("localhost:5000/jre:21").dockerfileBase(suggestions)).isEqualTo("localhost:5000/jre:21");
    assertThat(parse("docker://my-jre:21").dockerfileBase(suggestions)).isEqualTo("my-jre:21");
    assertThat(parse("tar://jre.tar").dockerfileBase(suggestions)).isEqualTo("eclipse-temurin:21-jre");
  }

  @Test
  void aTarThatIsNotThereFailsBeforeJibStarts() {
    BaseImage tar = parse("tar://no-such.tar");

    assertThatThrownBy(() -> tar.prepare(new FakeDocker(args -> FakeDocker.Answer.ok("")).cli(), project,
        RegistryCredentials.dockerConfigOnly(), suggestions, DeployLog.SILENT))
        .isInstanceOfSatisfying(DeployException.class, e -> assertThat(e.isUserError()).isTrue())
        .hasMessage("Invalid baseImage 'tar:///work/project/no-such.tar': no such file; perhaps you should use the"
            + " baseImage setting (baseImage=tar://base.tar)");
  }

  @Test
  void aRegistryBaseIsReadyForJibWithNothingToAddOrLoad() {
    BaseImage.Prepared prepared = parse("localhost:5000/jre:21")
        .prepare(new FakeDocker(args -> FakeDocker.Answer.ok("")).cli(), project, RegistryCredentials.dockerConfigOnly(),
            suggestions, DeployLog.SILENT);

    assertThat(prepared.environment()).isEmpty();
    assertThat(prepared.forDockerBuild()).isEmpty();
  }
}
