package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What docker inspect (Docker 20.10) prints, read into what the lifecycle needs. */
class DeployedContainerTest {
  static String fixture(String name) {
    try (InputStream in = DeployedContainerTest.class.getResourceAsStream("/inspect/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aRunningContainerOnTheBridgeIsReadWithItsPublishedPortsAndLabels() {
    DeployedContainer c = DeployedContainer.parseAll(fixture("bridge-running.json")).get(0);

    assertThat(c.name()).isEqualTo("deploy-it");
    assertThat(c.shortId()).isEqualTo("822d2e52348f");
    assertThat(c.image()).isEqualTo("deploy-it:1.0.0");
    assertThat(c.running()).isTrue();
    assertThat(c.startedAt()).hasValue(Instant.parse("2026-12-06T20:48:03.04848996Z"));
    assertThat(c.finishedAt()).isEmpty();
    assertThat(c.deployedByUs()).isTrue();
    assertThat(c.workflowName()).hasValue("deploy-end-to-end");
    assertThat(c.workflowVersion()).hasValue("1.2.3");
    assertThat(c.network()).isEqualTo("default");
    assertThat(c.apiPort()).hasValue(18101);
    assertThat(c.tracesPort()).hasValue(18102);
    assertThat(c.hostPorts()).containsExactly(18101, 18102);
    assertThat(c.dataVolume()).isEqualTo("deploy-it-data");
    assertThat(c.volumes()).containsExactly("deploy-it-data");
  }

  @Test
  void onTheHostNetworkThePortsAreThoseTheRuntimeListensOnAndTracesOffIsNone() {
    DeployedContainer c = DeployedContainer.parseAll(fixture("host-exited.json")).get(0);

    assertThat(c.network()).isEqualTo("host");
    assertThat(c.apiPort()).hasValue(18301);
    assertThat(c.tracesPort()).isEmpty();
    assertThat(c.running()).isFalse();
    assertThat(c.state()).isEqualTo("exited");
    assertThat(c.exitCode()).isEqualTo(143);
    assertThat(c.restartCount()).isEqualTo(1);
    assertThat(c.finishedAt()).hasValue(Instant.parse("2026-12-06T21:02:10.5Z"));
  }

  @Test
  void noValueOfTheEnvironmentIsKept() {
    List<DeployedContainer> all = DeployedContainer.parseAll(fixture("bridge-running.json"));

    assertThat(all.toString()).doesNotContain("sk-not-a-real-key").doesNotContain("OPENAI_API_KEY");
  }

  @Test
  void aContainerStartedByHandCarriesNoneOfOurLabels() {
    DeployedContainer c = DeployedContainer.parseAll(
        "[{\"Id\":\"abc\",\"Name\":\"/other\",\"State\":{\"Status\":\"created\"},\"Config\":{\"Image\":\"x:1\"}}]").get(0);

    assertThat(c.deployedByUs()).isFalse();
    assertThat(c.workflowName()).isEmpty();
    assertThat(c.apiPort()).isEqualTo(OptionalInt.empty());
    assertThat(c.startedAt()).isEqualTo(Optional.empty());
    assertThat(c.dataVolume()).isEqualTo("other-data");
  }

  @Test
  void somethingThatIsNotJsonIsDockersFaultNotTheUsers() {
    assertThatThrownBy(() -> DeployedContainer.parseAll("Error: no such object"))
        .isInstanceOfSatisfying(DeployException.class, e -> assertThat(e.isUserError()).isFalse())
        .hasMessageStartingWith("docker inspect printed something that is not JSON");
  }
}
