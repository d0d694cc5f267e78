package io.configurableagents.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryTimingTest {
  final RetryPolicy policy = new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(4));

  @Test
  void theJitterCeilingDoublesUpToTheMaximum() {
    assertThat(policy.ceiling(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(policy.ceiling(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.ceiling(3)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.ceiling(5)).isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.ceiling(1000)).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void fullJitterSpreadsDelaysOverTheWholeRange() {
    SplittableRandom random = new SplittableRandom(7);
    var delays = java.util.stream.IntStream.range(0, 2000)
        .mapToObj(i -> policy.delayBefore(3, Optional.empty(), random)).toList();

    assertThat(delays).allMatch(d -> !d.isNegative() && d.compareTo(Duration.ofSeconds(2)) <= 0);
    assertThat(delays).anyMatch(d -> d.compareTo(Duration.ofMillis(200)) < 0);
    assertThat(delays).anyMatch(d -> d.compareTo(Duration.ofMillis(1800)) > 0);
  }

  @Test
  void retryAfterWinsOverTheBackOff() {
    assertThat(policy.delayBefore(1, Optional.of(Duration.ofSeconds(7)), new SplittableRandom(1)))
        .isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    assertThat(RetryAfter.parse("12", clock)).contains(Duration.ofSeconds(12));
    assertThat(RetryAfter.parse(" 0 ", clock)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("Sun, 01 Mar 2026 10:00:30 GMT", clock)).contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Sun, 01 Mar 2026 09:00:00 GMT", clock)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("soon", clock)).isEmpty();
    assertThat(RetryAfter.parse("-5", clock)).isEmpty();
  }
}
