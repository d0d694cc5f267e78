package io.configurableagents.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.model.Provider;
import io.configurableagents.runtime.llm.fake.FakeReply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Providers echo keys (OpenAI's 401 quotes the key it got): no run error, event, prompt or answer
 * the engine produces may carry one, whichever provider.
 */
class SecretsNeverLeakTest extends RealClientFixture {

  @Test
  void echoedKeysAreMaskedInEveryErrorAndEvent() {
    for (Provider provider : List.of(Provider.OPENAI, Provider.ANTHROPIC, Provider.GOOGLE)) {
      String key = KEYS.get(provider.apiKeyVariable().orElseThrow());
      for (FakeReply reply :
          List.of(
              FakeReply.unauthorized("Incorrect API key provided: " + key + ". Find your key at the console."),
              FakeReply.error(500, "internal error while using key " + key),
              FakeReply.error(404, "{\"detail\": \"model not found for " + key + "\"}"))) {
        fake.reset();
        fake.replyByDefault(reply);

        Harness.Outcome run = rate(engine(scorer(llm(provider, "m-1"), "execution: {max_retries: 2}")));

        List<String> texts = texts(run);
        assertThat(texts).as("%s %s", provider, reply).noneMatch(t -> t.contains(key)).noneMatch(t -> t.contains("SECRET"));
        assertThat(run.error().message()).as("%s", provider).contains("***");
      }
    }
  }

  @Test
  void anAnswerThatQuotesTheKeyIsMaskedInEvents() {
    String key = KEYS.get("OPENAI_API_KEY");
    fake.enqueue(FakeReply.text("my key is " + key));

    Harness.Outcome run = rate(engine(openAiScorer("")));

    assertThat(texts(run)).noneMatch(t -> t.contains(key));
    assertThat(run.outputs()).containsEntry("score", 1L);
  }

  @Test
  void theKeysDidReachTheProvidersAsHeaders() {
    rate(engine(openAiScorer("")));

    assertThat(fake.lastRequest().header("authorization")).contains("Bearer " + KEYS.get("OPENAI_API_KEY"));
  }

  /** Every text a run gives out: its error, each event's prompt, answer and outcome. */
  private static List<String> texts(Harness.Outcome run) {
    List<String> texts = new ArrayList<>();
    if (run.result() instanceof RunResult.Failed failed) {
      texts.add(failed.error().toString());
    }
    for (RunEvent event : run.events()) {
      texts.add(event.toString());
    }
    return texts;
  }
}
