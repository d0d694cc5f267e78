package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainerNamesTest {
  @Test
  void flowNamesAreLowerCasedWithOtherCharactersAsDashes() {
    assertThat(ContainerNames.sanitize("Ticket Triage!")).isEqualTo("ticket-triage");
    assertThat(ContainerNames.sanitize("article_writer-v2")).isEqualTo("article_writer-v2");
    assertThat(ContainerNames.sanitize("Übersetzer")).isEqualTo("ubersetzer");
    assertThat(ContainerNames.sanitize("!!!")).isEqualTo("workflow");
  }

  @Test
  void theDefaultImageIsTheNameTaggedWithTheProjectVersion() {
    assertThat(ContainerNames.defaultImage("ticket-triage", "1.0.0-SNAPSHOT")).isEqualTo("ticket-triage:1.0.0-SNAPSHOT");
    assertThat(ContainerNames.defaultImage("Mixed.Case", "1+build")).isEqualTo("mixed.case:1_build");
  }

  @Test
  void imageReferencesAreCheckedTheWayDockerDoes() {
    assertThat(ContainerNames.isValidImage("ticket-triage:1.0.0")).isTrue();
    assertThat(ContainerNames.isValidImage("localhost:5000/team/flow:2")).isTrue();
    assertThat(ContainerNames.isValidImage("flow")).isTrue();
    assertThat(ContainerNames.isValidImage("Flow:1")).isFalse();
    assertThat(ContainerNames.isValidImage("flow:")).isFalse();
  }
}
