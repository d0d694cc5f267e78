package io.configurableagents.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.runtime.llm.Environment;
import io.configurableagents.runtime.llm.LlmClientOptions;
import io.configurableagents.runtime.llm.LlmClients;
import io.configurableagents.runtime.llm.fake.FakeProviderServer;
import io.configurableagents.runtime.llm.fake.FakeReply;
import io.configurableagents.runtime.llm.fake.RecordedRequest;
import io.configurableagents.runtime.llm.fake.WireFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance runs of {@link ConformanceRunTest}, each through the real client of the file's
 * own provider (all accepted files use {@code google}: Gemini's wire format) against a fake
 * provider server on loopback: the file's {@code api_base} is pointed at the fake, nothing else
 * changes. Each request is answered with its node's scripted answer, found by the schema's title.
 */
class ConformanceOverHttpTest extends ConformanceRunTest {
  private static FakeProviderServer fake;
  private static LlmClients clients;

  @BeforeAll
  static void startFakeProvider() {
    fake = FakeProviderServer.start();
    clients = LlmClients.create(Environment.of(Harness.KEYS), LlmClientOptions.DEFAULT);
  }

  @AfterAll
  static void stopFakeProvider() {
    clients.close();
    fake.close();
  }

  @Override
  Harness.Outcome run(String file, Map<String, String> answers, Map<String, Object> inputs) {
    fake.reset();
    fake.replyByDefault(FakeReply.computed(request -> answerFor(request, answers)));
    Workflow workflow = load(file);
    WorkflowEngine engine =
        WorkflowEngine.create(
            workflow, Harness.OPTIONS.withEnvironment(clients.environment()), spec -> clients.clientFor(atFake(spec)));

    Harness.Outcome outcome = Harness.run(engine, inputs);

    assertThat(fake.requests()).as(file).isNotEmpty().allSatisfy(request -> {
      assertThat(request.wire()).isEqualTo(WireFormat.GEMINI);
      String node = request.node().orElseThrow();
      assertThat(request.model()).isEqualTo(workflow.llmFor(workflow.node(node).orElseThrow()).effectiveModel());
      assertThat(request.header("x-goog-api-key")).contains(Harness.KEYS.get("GOOGLE_API_KEY"));
    });
    assertThat(fake.requests()).extracting(RecordedRequest::prompt).as(file).containsExactlyElementsOf(
        outcome.of(RunEvent.LlmAttemptStarted.class).stream().map(RunEvent.LlmAttemptStarted::prompt).toList());
    return outcome;
  }

  private static FakeReply answerFor(RecordedRequest request, Map<String, String> answers) {
    String answer = request.node().map(answers::get).orElse(null);
    return answer == null ? FakeReply.error(400, "no scripted answer for " + request.outputName()) : FakeReply.text(answer);
  }

  private static LlmSpec atFake(LlmSpec spec) {
    return new LlmSpec(spec.provider(), spec.model(), spec.temperature(), spec.maxTokens(), Optional.of(fake.baseUrl()));
  }
}
