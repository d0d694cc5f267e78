package io.configurableagents.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
  final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(4));

  @Test
  void theDelayDoublesWithEachRetryUpToTheMaximum() {
    assertThat(backoff.nominal(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(backoff.nominal(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.nominal(3)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.nominal(5)).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.nominal(1000)).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void jitterSpreadsDelaysOverTwentyPercentEitherSide() {
    SplittableRandom random = new SplittableRandom(7);
    var delays = IntStream.range(0, 2000).mapToObj(i -> backoff.before(3, Optional.empty(), random.nextDouble())).toList();

    assertThat(delays).allMatch(d -> d.compareTo(Duration.ofMillis(1600)) >= 0 && d.compareTo(Duration.ofMillis(2400)) <= 0);
    assertThat(delays).anyMatch(d -> d.compareTo(Duration.ofMillis(1650)) < 0);
    assertThat(delays).anyMatch(d -> d.compareTo(Duration.ofMillis(2350)) > 0);
  }

  @Test
  void retryAfterWinsOverTheBackOff() {
    assertThat(backoff.before(1, Optional.of(Duration.ofSeconds(7)), 0.5)).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void aFirstDelayLongerThanTheDefaultMaximumIsKept() {
    assertThat(Backoff.startingAt(Duration.ofMinutes(2)).nominal(3)).isEqualTo(Duration.ofMinutes(2));
    assertThat(Backoff.startingAt(Duration.ofSeconds(1)).nominal(10)).isEqualTo(Backoff.DEFAULT_MAX);
  }

  @Test
  void aMaximumBelowTheFirstDelayIsRefused() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
