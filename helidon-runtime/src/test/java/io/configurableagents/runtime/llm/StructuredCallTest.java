package io.configurableagents.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.model.Provider;
import io.configurableagents.runtime.llm.LlmCallException.Reason;
import io.configurableagents.runtime.llm.fake.FakeReply;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The attempt loop with answers good, mistyped and malformed, against a fake OpenAI server. */
class StructuredCallTest extends FakeOpenAiCallFixture {

  @Test
  void aGoodFirstAnswerTakesOneAttempt() {
    fake.usage(20, 6);

    StructuredAnswer<Map<String, Object>> answer = execute(call(3, Duration.ofSeconds(30)));

    assertThat(answer.value()).containsEntry("score", 1L).containsEntry("summary", "example");
    assertThat(answer.attempts()).isEqualTo(1);
    assertThat(answer.inputTokens()).isEqualTo(20);
    assertThat(answer.outputTokens()).isEqualTo(6);
    assertThat(fake.requestCount()).isEqualTo(1);
    assertThat(listener.started).singleElement().satisfies(s -> {
      assertThat(s.attempt()).isEqualTo(1);
      assertThat(s.maxAttempts()).isEqualTo(3);
      assertThat(s.target()).isEqualTo(new LlmTarget(Provider.OPENAI, "gpt-4o-mini"));
    });
    assertThat(listener.finished).singleElement().satisfies(f -> {
      assertThat(f.succeeded()).isTrue();
      assertThat(f.inputTokens()).isEqualTo(20);
      assertThat(f.retry()).isEmpty();
      assertThat(f.response().orElseThrow().text()).contains("\"score\":1");
    });
  }

  @Test
  void aMistypedAnswerIsRetriedWithTheClarificationNoteAndTokensAreSummed() {
    fake.enqueue(FakeReply.answer("{\"summary\":\"ok\",\"score\":\"seven\",\"tags\":[],\"mood\":null}"));

    StructuredAnswer<Map<String, Object>> answer = execute(call(3, Duration.ofSeconds(30)));

    assertThat(answer.attempts()).isEqualTo(2);
    assertThat(answer.inputTokens()).isEqualTo(24);
    assertThat(fake.requests()).hasSize(2);
    assertThat(fake.requests().get(0).prompt()).isEqualTo("Rate the food");
    assertThat(fake.requests().get(1).prompt())
        .startsWith("Rate the food\n\nYour previous answer failed validation: score: expected int, got \"seven\".")
        .contains("matches the required schema exactly");
    assertThat(listener.finished.get(0).retry()).contains(new AttemptFinished.Retry(RetryReason.INVALID_ANSWER, Duration.ZERO));
    assertThat(listener.finished.get(0).error()).contains("score: expected int, got \"seven\"");
    assertThat(listener.started.get(1).prompt()).isEqualTo(fake.requests().get(1).prompt());
  }

  @Test
  void malformedJsonIsRetriedAndTheNoteIsNeverStacked() {
    fake.enqueue(FakeReply.text("{\"summary\": \"unfinished"), FakeReply.text("Sure! Here it is"));

    StructuredAnswer<Map<String, Object>> answer = execute(call(3, Duration.ofSeconds(30)));

    assertThat(answer.attempts()).isEqualTo(3);
    assertThat(fake.requests().get(1).prompt()).contains("not valid JSON");
    assertThat(fake.requests().get(2).prompt()).contains("Sure! Here it is").doesNotContain("unfinished");
    assertThat(fake.requests().get(2).prompt().split("Your previous answer", -1)).hasSize(2);
  }

  @Test
  void anAnswerInvalidOnEveryAttemptFailsNamingNodeTargetAndProblem() {
    fake.replyByDefault(FakeReply.answer("{\"summary\":\"ok\",\"score\":\"high\",\"tags\":[],\"mood\":null}"));

    LlmCallException e = failure(call(3, Duration.ofSeconds(30)));

    assertThat(e.reason()).isEqualTo(Reason.INVALID_ANSWER);
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(fake.requestCount()).isEqualTo(3);
    assertThat(e.getMessage())
        .contains("Node 'review'", "openai/gpt-4o-mini", "Output_review", "after 3 attempts", "score: expected int");
  }

  @Test
  void aListenerThatThrowsNeverFailsTheCall() {
    AttemptListener throwing = new AttemptListener() {
      @Override
      public void attemptStarted(AttemptStarted started) {
        throw new IllegalStateException("listener bug");
      }

      @Override
      public void attemptFinished(AttemptFinished finished) {
        throw new IllegalStateException("listener bug");
      }
    };

    StructuredAnswer<Map<String, Object>> answer =
        structuredCall.execute(call(1, Duration.ofSeconds(30)), TestSchemas::reviewParser, throwing, CancelToken.create());

    assertThat(answer.attempts()).isEqualTo(1);
  }
}
