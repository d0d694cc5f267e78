package io.configurableagents.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.http.Status;
import org.junit.jupiter.api.Test;

class InputBudgetTest {

  @Test
  void runsAreAdmittedUntilTheirInputsWouldPassTheLimitThen503UntilOneFinishes() {
    InputBudget budget = new InputBudget(1_000);
    RunAdmission.Ticket first = budget.hold(600);
    budget.hold(400);

    assertThatThrownBy(() -> budget.hold(1))
        .isInstanceOfSatisfying(TooManyRunsException.class, e -> {
          assertThat(e.status()).isEqualTo(Status.SERVICE_UNAVAILABLE_503);
          assertThat(e.type()).isEqualTo("busy");
          assertThat(e.retryAfterSeconds()).isEqualTo(1);
        })
        .hasMessageContaining("MAX_INPUT_BYTES_IN_FLIGHT");
    assertThat(budget.held()).isEqualTo(1_000);

    first.close();
    budget.hold(600);
    assertThat(budget.held()).isEqualTo(1_000);
  }

  @Test
  void aRunLargerThanTheLimitIsAdmittedWhenItIsAlone() {
    InputBudget budget = new InputBudget(1_000);
    RunAdmission.Ticket large = budget.hold(5_000);

    assertThatThrownBy(() -> budget.hold(10)).isInstanceOf(TooManyRunsException.class);
    large.close();
    assertThat(budget.held()).isZero();
  }

  @Test
  void closingATicketTwiceReleasesItsBytesOnce() {
    InputBudget budget = new InputBudget(1_000);
    RunAdmission.Ticket ticket = budget.hold(300);
    budget.hold(200);

    ticket.close();
    ticket.close();

    assertThat(budget.held()).isEqualTo(200);
  }
}
