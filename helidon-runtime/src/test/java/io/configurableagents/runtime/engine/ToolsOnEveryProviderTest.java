package io.configurableagents.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.model.Provider;
import io.configurableagents.runtime.llm.Environment;
import io.configurableagents.runtime.llm.fake.FakeReply;
import io.configurableagents.runtime.llm.fake.RecordedRequest;
import io.configurableagents.runtime.tools.FakeWebServer;
import io.configurableagents.runtime.tools.Tools;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The tool loop through each provider's real client and tool-call wire format (OpenAI {@code
 * tool_calls}, Anthropic {@code tool_use}/{@code tool_result}, Gemini {@code
 * functionCall}/{@code functionResponse}, Ollama through its OpenAI-compatible endpoint): the model
 * asks for a search, reads the fake search service's result, and answers from it.
 */
class ToolsOnEveryProviderTest extends RealClientFixture {
  private FakeWebServer search;

  @BeforeEach
  void startSearch() {
    search = FakeWebServer.start()
        .results(List.<String[]>of(new String[] {"Otter facts", "https://example.org/otters", "Sea otters hold hands while they sleep."}));
  }

  @AfterEach
  void stopSearch() {
    search.close();
  }

  private static String workflow(Provider provider) {
    return """
        schema_version: "1.0"
        flow: {name: researcher}
        state:
          fields:
            topic: {type: str, required: true}
            notes: {type: str, default: ""}
        nodes:
          - id: research
            prompt: "Research {state.topic} with the search tool."
            tools: [serper_search, json_parse]
            outputs: [notes]
            output_schema:
              type: object
              fields:
                - {name: notes, type: str}
        edges:
          - {from: START, to: research}
          - {from: research, to: END}
        config:
          llm: {%s}
        """.formatted(llm(provider, "model-x"));
  }

  private WorkflowEngine engine(Provider provider) {
    Map<String, String> env = new HashMap<>(KEYS);
    env.put("SERPER_API_KEY", "serper-key-0123456789");
    env.put("SERPER_BASE_URL", search.baseUrl());
    env.put("ALLOWED_HOSTS", search.hostAndPort());
    Tools tools = Tools.create(Environment.of(env), Path.of("target/tool-data"));
    return WorkflowEngine.create(Harness.load(workflow(provider)), Harness.OPTIONS, clients, tools);
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void theModelSearchesThenAnswersFromTheResult(Provider provider) {
    fake.enqueue(
        FakeReply.toolCalls(FakeReply.call("serper_search", "{\"query\": \"sea otters\"}")),
        FakeReply.computed(r -> FakeReply.answer(
            "{\"notes\": \"" + (r.toolResults().size() == 1 && r.toolResults().get(0).contains("hold hands while they sleep")
                ? "Otters hold hands." : "no search result seen") + "\"}")));

    Harness.Outcome run = Harness.run(engine(provider), Map.of("topic", "otters"));

    assertThat(run.outputs()).containsEntry("notes", "Otters hold hands.");
    assertThat(search.requestsTo("/search")).hasSize(1);
    List<RecordedRequest> requests = fake.requests();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).toolNames()).containsExactly("serper_search", "json_parse");
    assertThat(requests.get(0).toolResults()).isEmpty();
    assertThat(requests.get(1).toolResults()).singleElement().satisfies(r -> assertThat(r).contains("\"provider\":\"serper\""));
    assertThat(requests.get(1).prompt()).isEqualTo("Research otters with the search tool.");
    assertThat(run.of(RunEvent.ToolCallFinished.class)).singleElement()
        .satisfies(f -> assertThat(f.call().name()).isEqualTo("serper_search"));
  }
}
