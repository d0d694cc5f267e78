package io.configurableagents.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The fake and the client sustain 2,000 slow calls at once: every one succeeds, one request each. */
class ConcurrentSlowCallsTest {

  @Test
  void twoThousandConcurrentSlowCallsAllSucceedWithOneRequestEach() throws Exception {
    ConcurrentSlowCallsBenchmark.Figures figures = ConcurrentSlowCallsBenchmark.run(2000, Duration.ofSeconds(1));

    System.out.println("[benchmark] " + figures);
    assertThat(figures.succeeded()).isEqualTo(2000);
    assertThat(figures.requestsSeen()).isEqualTo(2000);
    assertThat(figures.p50()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }
}
