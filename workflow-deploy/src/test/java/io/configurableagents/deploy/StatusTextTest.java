package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusTextTest {
  private static final ContainerStatus TRIAGE = new ContainerStatus("triage", "5fdc8730e9c7aa0b1b2c", Optional.of(
      "ticket-triage"), Optional.of("1.0.0"), "triage:1.0.0", "running", 0, 1,
      Optional.of(Instant.parse("2026-12-06T20:48:03Z")), Optional.of(Duration.ofMinutes(125)),
      Health.notReady("missing environment variable OPENAI_API_KEY: set it (e.g. in the --env-file) and restart"),
      Optional.of(URI.create("http://127.0.0.1:8000")), Optional.of(URI.create("http://127.0.0.1:5000")), "default",
      "triage-data");
  private static final ContainerStatus ARCHIVE = new ContainerStatus("archive", "822d2e52348f477d", Optional.of(
      "archiver"), Optional.of("2.1"), "archive:2.1", "exited", 143, 0, Optional.empty(), Optional.empty(),
      Health.notRunning(), Optional.of(URI.create("http://127.0.0.1:8100")), Optional.empty(), "host",
      "archive-data");

  @Test
  void theTableHasAColumnPerFactAndSaysWhyAContainerIsNotReady() {
    assertThat(StatusText.table(List.of(ARCHIVE, TRIAGE))).containsExactly(
        "NAME     WORKFLOW             IMAGE         STATE                            HEALTH              PORTS      UP",
        "archive  archiver 2.1         archive:2.1   exited (exit code 143: SIGTERM)  -                   8100       -",
        "triage   ticket-triage 1.0.0  triage:1.0.0  running                          healthy, not ready  8000,5000  2 h 5 min",
        "triage: GET /health answers; not ready: missing environment variable OPENAI_API_KEY: set it (e.g. in the"
            + " --env-file) and restart");
  }

  @Test
  void withNothingDeployedItSaysSo() {
    assertThat(StatusText.table(List.of()))
        .containsExactly("No container deployed by configurable-agents on this Docker daemon");
  }

  @Test
  void oneContainerInDetail() {
    assertThat(StatusText.detail(TRIAGE)).containsExactly(
        "Container  triage (5fdc8730e9c7)",
        "Workflow   ticket-triage 1.0.0",
        "Image      triage:1.0.0",
        "State      running, up 2 h 5 min (started 2026-12-06T20:48:03Z); Docker restarted it once",
        "Health     GET /health answers; not ready: missing environment variable OPENAI_API_KEY: set it (e.g. in"
            + " the --env-file) and restart",
        "API        POST http://127.0.0.1:8000/run   (docs http://127.0.0.1:8000/docs)",
        "Traces     http://127.0.0.1:5000/",
        "Network    default",
        "Data       volume triage-data");
  }

  @Test
  void durationsReadAsPeopleSayThem() {
    assertThat(StatusText.duration(Duration.ofSeconds(42))).isEqualTo("42 s");
    assertThat(StatusText.duration(Duration.ofSeconds(300))).isEqualTo("5 min");
    assertThat(StatusText.duration(Duration.ofHours(50).plusMinutes(3))).isEqualTo("2 d 2 h");
  }
}
