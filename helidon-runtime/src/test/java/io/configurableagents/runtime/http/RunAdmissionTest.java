package io.configurableagents.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RunAdmissionTest {
  private static final Caller ADA = Caller.key(1);
  private static final Caller BOB = Caller.key(2);
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  private RunAdmission admission(double rate, int burst, OptionalInt inFlight) {
    AccessSettings settings = new AccessSettings(ApiKeys.of(List.of("a", "b")), Optional.of(new AccessSettings.RateLimit(rate, burst)), inFlight);
    return new RunAdmission(settings, nanos::get);
  }

  @Test
  void aBurstPassesThenTheBucketRefillsAtTheRate() {
    RunAdmission admission = admission(2, 3, OptionalInt.empty());

    for (int i = 0; i < 3; i++) {
      admission.admit(ADA);
    }
    assertThatThrownBy(() -> admission.admit(ADA))
        .isInstanceOfSatisfying(TooManyRunsException.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(1))
        .hasMessageContaining("more than 2 run(s) a second (bursts of 3)");
    admission.admit(BOB);

    nanos.addAndGet(500_000_000L);
    admission.admit(ADA);
    assertThatThrownBy(() -> admission.admit(ADA)).isInstanceOf(TooManyRunsException.class);
  }

  @Test
  void aSlowRateAsksForALongerWait() {
    RunAdmission admission = admission(0.1, 1, OptionalInt.empty());
    admission.admit(ADA);
    nanos.addAndGet(2_000_000_000L);

    assertThatThrownBy(() -> admission.admit(ADA))
        .isInstanceOfSatisfying(TooManyRunsException.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(8));
  }

  @Test
  void aTicketClosedFreesItsPlaceOnceEvenWhenClosedTwice() {
    RunAdmission admission = new RunAdmission(
        new AccessSettings(ApiKeys.of(List.of("a")), Optional.empty(), OptionalInt.of(2)), nanos::get);
    RunAdmission.Ticket first = admission.admit(ADA);
    admission.admit(ADA);

    assertThatThrownBy(() -> admission.admit(ADA)).hasMessageContaining("already has 2 run(s) in flight");
    first.close();
    first.close();
    assertThat(admission.inFlight(ADA)).isEqualTo(1);
    admission.admit(ADA);
    assertThat(admission.inFlight(ADA)).isEqualTo(2);
  }

  @Test
  void callersQuietLongEnoughAreForgottenOnceThereAreMany() {
    RunAdmission admission = admission(1, 1, OptionalInt.empty());
    for (int i = 0; i <= RunAdmission.SWEEP_ABOVE; i++) {
      admission.admit(Caller.address("10.0." + (i / 256) + "." + (i % 256)));
    }
    nanos.addAndGet(2_000_000_000L);
    admission.admit(ADA);

    assertThat(admission.callersWithBuckets()).isEqualTo(1);
  }
}
