package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployRequestTest {
  @TempDir Path dir;
  private final HelpfulSuggestions suggestions = new HelpfulSuggestions();

  @Test
  void theDefaultsAreValid() {
    DeployRequest request = TestRequests.request(dir);

    assertThat(request.validate(suggestions)).isSameAs(request);
    assertThat(request.dataVolume()).isEqualTo("ticket-triage-data");
  }

  @Test
  void aPortOutOfRangeIsTheUsersToFix() {
    assertThatThrownBy(() -> TestRequests.withPorts(TestRequests.request(dir), 70000, 5000).validate(suggestions))
        .isInstanceOfSatisfying(DeployException.class, e -> assertThat(e.isUserError()).isTrue())
        .hasMessage("Invalid port '70000': a port is 1 to 65535; perhaps you should use the port setting (port=8000)");
  }

  @Test
  void theTracesPortCannotBeTheApiPort() {
    assertThatThrownBy(() -> TestRequests.withPorts(TestRequests.request(dir), 8000, 8000).validate(suggestions))
        .hasMessageContaining("the traces page needs another host port than the API");
  }

  @Test
  void zeroTracesPortMeansNoTracesPage() {
    assertThat(TestRequests.withPorts(TestRequests.request(dir), 8000, 0).validate(suggestions).tracesEnabled())
        .isFalse();
  }

  @Test
  void namesDockerRejectsAreRefusedBeforeDockerSeesThem() {
    assertThatThrownBy(() -> TestRequests.withNames(TestRequests.request(dir), "-bad name", "ok:1").validate(suggestions))
        .hasMessageStartingWith("Invalid name '-bad name'");
    assertThatThrownBy(() -> TestRequests.withNames(TestRequests.request(dir), "ok", "Upper/Case:1").validate(suggestions))
        .hasMessageStartingWith("Invalid image 'Upper/Case:1'");
  }

  @Test
  void unsetSettingsTakeTheGoalsDefaults() {
    DeployRequest request = DeployRequest.builder(TestRequests.openAiWorkflow(), dir.resolve("workflow.yaml"))
        .runtimeJars(new RuntimeJars(dir.resolve("runtime.jar"), List.of()))
        .metadata(new ImageMetadata("1.0.0", Optional.empty(), Instant.EPOCH))
        .outputDirectory(dir.resolve("out")).cacheDirectory(dir.resolve("cache"))
        .build();

    assertThat(request.containerName()).isEqualTo("ticket-triage");
    assertThat(request.image()).isEqualTo("ticket-triage:1.0.0");
    assertThat(request.baseImage()).isEqualTo(new BaseImage.Registry("eclipse-temurin:21-jre"));
    assertThat(request.port()).isEqualTo(8000);
    assertThat(request.tracesPort()).isEqualTo(5000);
    assertThat(request.syncTimeout()).hasSeconds(30);
    assertThat(request.readyTimeout()).hasSeconds(60);
    assertThat(request.envFile()).isEqualTo(new EnvFileChoice.NoFile());
    assertThat(request.replace()).isFalse();
    assertThat(request.network()).isEmpty();
  }

  @Test
  void aNamedContainerGetsItsImageNameFromThatName() {
    DeployRequest request = DeployRequest.builder(TestRequests.openAiWorkflow(), dir.resolve("workflow.yaml"))
        .containerName("Triage_2")
        .runtimeJars(new RuntimeJars(dir.resolve("runtime.jar"), List.of()))
        .metadata(new ImageMetadata("1.0.0", Optional.empty(), Instant.EPOCH))
        .outputDirectory(dir.resolve("out")).cacheDirectory(dir.resolve("cache"))
        .build();

    assertThat(request.image()).isEqualTo("triage_2:1.0.0");
    assertThat(request.dataVolume()).isEqualTo("Triage_2-data");
  }

  @Test
  void aRequiredSettingLeftOutIsNamed() {
    DeployRequest.Builder builder = DeployRequest.builder(TestRequests.openAiWorkflow(), dir.resolve("workflow.yaml"))
        .metadata(new ImageMetadata("1.0.0", Optional.empty(), Instant.EPOCH));

    assertThatThrownBy(builder::build).isInstanceOf(NullPointerException.class).hasMessage("runtimeJars");
  }

  @Test
  void toBuilderKeepsEverySettingButThoseChanged() {
    DeployRequest original = TestRequests.withNetwork(TestRequests.withReplace(TestRequests.request(dir)), "llm");

    DeployRequest changed = original.toBuilder().tracesPort(0).build();

    assertThat(changed.tracesPort()).isZero();
    assertThat(changed).usingRecursiveComparison().ignoringFields("tracesPort").isEqualTo(original);
  }
}
