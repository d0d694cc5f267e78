package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
}
