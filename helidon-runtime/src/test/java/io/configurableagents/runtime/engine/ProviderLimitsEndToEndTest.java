package io.configurableagents.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.model.EnvironmentVariable;
import io.configurableagents.core.model.Provider;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.runtime.llm.Environment;
import io.configurableagents.runtime.llm.LlmClient;
import io.configurableagents.runtime.llm.LlmClientOptions;
import io.configurableagents.runtime.llm.LlmClients;
import io.configurableagents.runtime.llm.LlmException;
import io.configurableagents.runtime.llm.LlmRequest;
import io.configurableagents.runtime.llm.LlmResponse;
import io.configurableagents.runtime.llm.LlmTarget;
import io.configurableagents.runtime.llm.ProviderEnvironment;
import io.configurableagents.runtime.llm.fake.FakeReply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The deadline, cancellation and missing keys over the real clients: waits end at once, nothing
 * sleeps past the deadline, and an abandoned call aborts its HTTP exchange.
 */
class ProviderLimitsEndToEndTest extends RealClientFixture {

  @Test
  void aRetryAfterPastTheDeadlineFailsAtOnceInsteadOfSleeping() {
    fake.enqueue(FakeReply.rateLimited("30"));
    long start = System.nanoTime();

    Harness.Outcome run = rate(engine(openAiScorer("execution: {timeout: 5}")));

    assertThat(elapsedSince(start)).isLessThan(Duration.ofSeconds(5));
    assertThat(fake.requestCount()).isEqualTo(1);
    assertThat(run.error().type()).isEqualTo(EngineError.TIMEOUT);
    assertThat(run.error().message())
        .contains("node \"rate\"", "about to wait 30 s (the provider's Retry-After)", "HTTP 429", "config.execution.timeout");
    assertThat(run.of(RunEvent.LlmAttemptFinished.class)).singleElement().satisfies(f -> assertThat(f.retryIn()).isEmpty());
  }

  @Test
  void backOffNeverSleepsPastTheDeadline() {
    fake.enqueue(FakeReply.serverError());
    long start = System.nanoTime();

    Harness.Outcome run = rate(engine(openAiScorer("execution: {timeout: 8}"), Harness.OPTIONS.withRetryBackoff(Duration.ofSeconds(20))));

    assertThat(elapsedSince(start)).isLessThan(Duration.ofSeconds(5));
    assertThat(run.error().type()).isEqualTo(EngineError.TIMEOUT);
    assertThat(run.error().message()).contains("(back-off)", "HTTP 500");
  }

  @Test
  void theDeadlineEndsTheWaitForAnAnswerInFlight() {
    fake.enqueue(FakeReply.stall(Duration.ofSeconds(10)));
    LlmClientOptions slow = new LlmClientOptions(Duration.ofSeconds(2), Duration.ofSeconds(30));
    try (LlmClients patient = LlmClients.create(Environment.of(KEYS), slow)) {
      WorkflowEngine engine =
          WorkflowEngine.create(Harness.load(openAiScorer("")), Harness.OPTIONS.withTimeout(Duration.ofMillis(1500)), patient);
      long start = System.nanoTime();

      Harness.Outcome run = rate(engine);

      assertThat(elapsedSince(start)).isBetween(Duration.ofMillis(1400), Duration.ofSeconds(5));
      assertThat(run.error().type()).isEqualTo(EngineError.TIMEOUT);
      assertThat(run.error().message()).contains("waiting for openai/gpt-4o-mini (attempt 1)");
      assertThat(run.of(RunEvent.LlmAttemptFinished.class))
          .singleElement()
          .extracting(RunEvent.LlmAttemptFinished::outcome)
          .isEqualTo(new AttemptOutcome.Abandoned("the run's deadline passed"));
    }
  }

  @Test
  void cancellingMidCallEndsTheRunAtOnceAndAbortsTheHttpExchange() throws Exception {
    fake.enqueue(FakeReply.stall(Duration.ofSeconds(10)));
    LlmClientOptions slow = new LlmClientOptions(Duration.ofSeconds(2), Duration.ofSeconds(30));
    try (LlmClients patient = LlmClients.create(Environment.of(KEYS), slow)) {
      Watched watched = new Watched();
      Workflow workflow = Harness.load(openAiScorer(""));
      WorkflowEngine engine =
          WorkflowEngine.create(
              workflow, Harness.OPTIONS.withEnvironment(patient.environment()), spec -> watched.wrap(patient.clientFor(spec)));
      RunControl control = RunControl.create();
      long[] cancelledAt = new long[1];
      Thread.ofVirtual().start(() -> {
        awaitRequests(1);
        cancelledAt[0] = System.nanoTime();
        control.cancel();
      });

      Harness.Outcome run = Harness.run(engine, Map.of("topic", "tea"), control);

      assertThat(elapsedSince(cancelledAt[0])).isLessThan(Duration.ofSeconds(4));
      assertThat(run.result()).isInstanceOf(RunResult.Cancelled.class);
      assertThat(fake.requestCount()).isEqualTo(1);
      LlmException abandoned = watched.ended.get(5, TimeUnit.SECONDS);
      assertThat(abandoned.kind()).isEqualTo(LlmException.Kind.ABANDONED);
      assertThat(elapsedSince(cancelledAt[0])).as("the exchange ended long before the provider answered").isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void cancellingDuringBackOffEndsTheSleep() {
    fake.enqueue(FakeReply.rateLimited("10"));
    RunControl control = RunControl.create();
    long[] cancelledAt = new long[1];
    Thread.ofVirtual().start(() -> {
      awaitRequests(1);
      sleep(200);
      cancelledAt[0] = System.nanoTime();
      control.cancel();
    });

    Harness.Outcome run = Harness.run(engine(openAiScorer("")), Map.of("topic", "tea"), control);

    assertThat(elapsedSince(cancelledAt[0])).isLessThan(Duration.ofSeconds(4));
    assertThat(run.result()).isInstanceOf(RunResult.Cancelled.class);
    assertThat(fake.requestCount()).isEqualTo(1);
  }

  @Test
  void interruptingTheRunThreadCancelsTheRun() throws Exception {
    fake.enqueue(FakeReply.stall(Duration.ofSeconds(10)));
    WorkflowEngine engine = engine(openAiScorer(""), Harness.OPTIONS);
    CompletableFuture<RunResult> result = new CompletableFuture<>();
    Thread runner = Thread.ofVirtual().start(() -> result.complete(rate(engine).result()));
    awaitRequests(1);

    runner.interrupt();

    assertThat(result.get(5, TimeUnit.SECONDS)).isInstanceOf(RunResult.Cancelled.class);
  }

  @Test
  void aRunCancelledBeforeItStartsSendsNothing() {
    RunControl control = RunControl.create();
    control.cancel();

    Harness.Outcome run = Harness.run(engine(openAiScorer("")), Map.of("topic", "tea"), control);

    assertThat(run.result()).isInstanceOf(RunResult.Cancelled.class);
    assertThat(fake.requestCount()).isZero();
  }

  @Test
  void aMissingKeyFailsTheRunAtOnceNamingTheVariableAndSendsNothing() {
    String yaml = scorer(llm(Provider.ANTHROPIC, "claude-haiku-4-5"), "");
    try (LlmClients noAnthropic = LlmClients.create(Environment.of(Map.of("OPENAI_API_KEY", "sk-x-0123")), LlmClientOptions.DEFAULT)) {
      WorkflowEngine engine = WorkflowEngine.create(Harness.load(yaml), Harness.OPTIONS, noAnthropic);

      Harness.Outcome run = rate(engine);

      assertThat(engine.missingEnvironment()).containsExactly("ANTHROPIC_API_KEY");
      assertThat(run.error().type()).isEqualTo(EngineError.MISSING_API_KEY);
      assertThat(run.error().node()).contains("rate");
      assertThat(run.error().message())
          .startsWith("Environment variable ANTHROPIC_API_KEY (the anthropic provider of node 'rate') is not set.");
      assertThat(run.nodesStarted()).isEmpty();
      assertThat(fake.requestCount()).isZero();
    }
  }

  @Test
  void missingEnvironmentAgreesWithProviderEnvironmentAndTheWorkflow() {
    String yaml =
        scorer(llm(Provider.GOOGLE, "gemini-2.5-flash"), "")
            .replace("    outputs: [score, why]\n", "    outputs: [score, why]\n    llm: {provider: openai}\n");
    Workflow workflow = Harness.load(yaml);
    Environment none = Environment.of(Map.of());
    try (LlmClients noKeys = LlmClients.create(none, LlmClientOptions.DEFAULT)) {
      WorkflowEngine engine = WorkflowEngine.create(workflow, Harness.OPTIONS, noKeys);

      List<String> fromProviders = ProviderEnvironment.of(workflow).missingIn(none).stream().map(EnvironmentVariable::name).toList();

      assertThat(engine.missingEnvironment()).isEqualTo(fromProviders).containsExactlyElementsOf(workflow.requiredEnvironment());
      assertThat(engine.missingEnvironment()).containsExactly("OPENAI_API_KEY");
    }
  }

  /** Waits (at most 20 s) until the fake has received {@code count} requests. */
  private static void awaitRequests(int count) {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (fake.requestCount() < count && System.nanoTime() < until) {
      sleep(10);
    }
  }

  private static Duration elapsedSince(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** Wraps clients to see how their exchanges end. */
  private static final class Watched {
    final CompletableFuture<LlmException> ended = new CompletableFuture<>();

    LlmClient wrap(LlmClient real) {
      return new LlmClient() {
        @Override
        public LlmResponse complete(LlmRequest request) {
          try {
            return real.complete(request);
          } catch (LlmException e) {
            ended.complete(e);
            throw e;
          }
        }

        @Override
        public LlmTarget target() {
          return real.target();
        }
      };
    }
  }
}
