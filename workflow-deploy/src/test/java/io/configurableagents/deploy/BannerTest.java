package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BannerTest {
  @TempDir Path dir;

  @Test
  void theTracesPageIsNamedAsReachableFromThisMachineOnlyByDefault() {
    assertThat(Banner.lines(TestRequests.request(dir), "5fdc8730e9c7aa", Duration.ofMillis(1300), Optional.empty(), new HelpfulSuggestions()))
        .contains("  API      POST http://localhost:8000/run", "  Traces        http://localhost:5000/   (this machine only)");
  }

  @Test
  void portsPublishedOnOneAddressAreShownAtThatAddress() {
    HelpfulSuggestions suggestions = new HelpfulSuggestions();
    DeployRequest request = TestRequests.request(dir).toBuilder()
        .bind(BindAddress.parse("10.0.0.7", Setting.BIND, suggestions))
        .tracesBind(BindAddress.parse("0.0.0.0", Setting.TRACES_BIND, suggestions)).build();

    assertThat(Banner.lines(request, "5fdc8730e9c7aa", Duration.ofMillis(1300), Optional.empty(), new HelpfulSuggestions()))
        .contains("  API      POST http://10.0.0.7:8000/run", "  Traces        http://localhost:5000/");
  }
}
