package io.configurableagents.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.runtime.llm.ProviderFailures;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The step limit and the run deadline: each ends the run saying which limit, which node, and how to raise it. */
class LimitsTest {

  private static String endlessCycle(String execution) {
    return """
        schema_version: "1.0"
        flow: {name: endless}
        state:
          fields:
            text: {type: str, default: ""}
        nodes:
          - {id: spin, prompt: "Spin {state.text}", outputs: [text], output_schema: {type: str}}
        edges:
          - {from: START, to: spin}
          - from: spin
            routes:
              - condition: {logic: "state.text != 'stop'"}
                to: spin
              - condition: {logic: default}
                to: END
        %s
        """
        .formatted(execution);
  }

  private static final FakeLlmClient NEVER_STOPS = FakeLlmClient.replying("{\"result\": \"again\"}");

  @Test
  void aRunawayCycleStopsAtTheDefaultStepLimitOf100() {
    FakeLlmClient fake = FakeLlmClient.replying("{\"result\": \"again\"}");

    Harness.Outcome run = Harness.run(Harness.engine(endlessCycle(""), fake), Map.of());

    assertThat(fake.calls()).isEqualTo(100);
    assertThat(run.error().type()).isEqualTo(EngineError.STEP_LIMIT);
    assertThat(run.error().node()).contains("spin");
    assertThat(run.error().message())
        .isEqualTo(
            "the run reached its step limit of 100 node executions when node \"spin\" was about to run"
                + " (a cycle whose exit condition never holds?); if the workflow really needs more steps, raise"
                + " config.execution.max_steps in the workflow file");
    assertThat(run.result().metadata().steps()).isEqualTo(100);
  }

  @Test
  void theWorkflowCanSetTheStepLimit() {
    Harness.Outcome run =
        Harness.run(Harness.engine(endlessCycle("config: {execution: {max_steps: 7}}"), NEVER_STOPS), Map.of());

    assertThat(run.nodesStarted()).hasSize(7);
    assertThat(run.error().message()).contains("step limit of 7 node executions");
  }

  @Test
  void theEngineOptionOverridesTheWorkflowsStepLimit() {
    EngineOptions options = Harness.OPTIONS.withMaxSteps(3);

    Harness.Outcome run =
        Harness.run(Harness.engine(endlessCycle("config: {execution: {max_steps: 7}}"), NEVER_STOPS, options), Map.of());

    assertThat(run.nodesStarted()).hasSize(3);
    assertThat(run.error().message())
        .contains("step limit of 3 node executions")
        .endsWith("raise the server's step-limit setting (it overrides config.execution.max_steps)");
  }

  @Test
  void aStepLimitThatIsNotReachedChangesNothing() {
    FakeLlmClient fake = FakeLlmClient.scripted(FakeLlmClient.reply("{\"result\": \"a\"}"), FakeLlmClient.reply("{\"result\": \"stop\"}"));

    Harness.Outcome run = Harness.run(Harness.engine(endlessCycle("config: {execution: {max_steps: 2}}"), fake), Map.of());

    assertThat(run.outputs()).containsEntry("text", "stop");
  }

  @Test
  void theDeadlineEndsARunWaitingForTheModel() {
    FakeLlmClient fake = FakeLlmClient.answering(FakeLlmClient.stall());
    EngineOptions options = Harness.OPTIONS.withTimeout(Duration.ofMillis(300));

    long start = System.nanoTime();
    Harness.Outcome run = Harness.run(Harness.engine(endlessCycle(""), fake, options), Map.of());
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isBetween(Duration.ofMillis(280), Duration.ofSeconds(2));
    assertThat(run.error().type()).isEqualTo(EngineError.TIMEOUT);
    assertThat(run.error().node()).contains("spin");
    assertThat(run.error().message())
        .isEqualTo(
            "the run exceeded its deadline of 300 ms while node \"spin\" was waiting for openai/gpt-4o-mini"
                + " (attempt 1); if runs need longer, raise the server's run-timeout setting (it overrides"
                + " config.execution.timeout)");
    assertThat(run.of(RunEvent.LlmAttemptFinished.class))
        .singleElement()
        .extracting(RunEvent.LlmAttemptFinished::outcome)
        .isInstanceOf(AttemptOutcome.Abandoned.class);
  }

  @Test
  void theWorkflowsTimeoutIsTheRunsDeadline() {
    FakeLlmClient fake = FakeLlmClient.answering(FakeLlmClient.stall());

    long start = System.nanoTime();
    Harness.Outcome run = Harness.run(Harness.engine(endlessCycle("config: {execution: {timeout: 1}}"), fake), Map.of());

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(950), Duration.ofSeconds(3));
    assertThat(run.error().message())
        .startsWith("the run exceeded its deadline of 1 s while node \"spin\" was waiting for")
        .endsWith("raise config.execution.timeout in the workflow file");
  }

  @Test
  void aRetryThatWouldPassTheDeadlineFailsAtOnce() {
    FakeLlmClient fake =
        FakeLlmClient.throwing(ProviderFailures.http(429, "slow down", Optional.of(Duration.ofSeconds(30))));
    EngineOptions options = Harness.OPTIONS.withTimeout(Duration.ofSeconds(5));

    long start = System.nanoTime();
    Harness.Outcome run = Harness.run(Harness.engine(endlessCycle(""), fake, options), Map.of());

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(fake.calls()).isEqualTo(1);
    assertThat(run.error().type()).isEqualTo(EngineError.TIMEOUT);
    assertThat(run.error().message()).contains("was about to wait 30 s (the provider's Retry-After) to retry after: openai/gpt-4o-mini: HTTP 429: slow down");
  }
}
