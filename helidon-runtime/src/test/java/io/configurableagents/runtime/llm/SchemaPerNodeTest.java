package io.configurableagents.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.core.model.Provider;
import io.configurableagents.runtime.llm.fake.FakeProviderServer;
import io.configurableagents.runtime.llm.fake.RecordedRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One client serves every node with the same settings, each with its own output schema; the
 * schema's provider form is made once per schema and must never leak into another node's request.
 */
class SchemaPerNodeTest {
  static FakeProviderServer fake;
  static LlmClients clients;

  @BeforeAll
  static void startFake() {
    fake = FakeProviderServer.start();
    clients = LlmClients.create(Environment.of(ProviderWireTest.KEYS), LlmClientOptions.DEFAULT);
  }

  @AfterAll
  static void stopFake() {
    clients.close();
    fake.close();
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void eachRequestCarriesItsOwnNodesSchemaWhenNodesShareAClient(Provider provider) {
    String base = provider == Provider.OPENAI ? fake.openAiBaseUrl() : fake.baseUrl();
    LlmClient client =
        clients.clientFor(new LlmSpec(Optional.of(provider), Optional.of("m"), Optional.empty(), Optional.empty(), Optional.of(base)));
    LlmRequest review = new LlmRequest("Review", "Output_review", TestSchemas.schema(TestSchemas.REVIEW));
    LlmRequest counts = new LlmRequest("Count", "Output_count", TestSchemas.schema(TestSchemas.COUNTS));

    List<LlmRequest> order = List.of(review, counts, review, counts.withPrompt("Count again"));
    for (LlmRequest request : order) {
      fake.reset();
      client.complete(request);
      RecordedRequest sent = fake.lastRequest();
      JsonNode expected = ProviderWireTest.withoutDollarSchema(request.outputSchema().toString());
      assertThat(sent.prompt()).isEqualTo(request.prompt());
      assertThat(sent.schema().path("properties")).isEqualTo(expected.path("properties"));
      if (provider != Provider.GOOGLE) {
        assertThat(sent.outputName()).contains(request.schemaName());
      }
      if (provider == Provider.OPENAI) {
        JsonNode format = sent.body().path("response_format").path("json_schema");
        assertThat(format.path("name").asText()).isEqualTo(request.schemaName());
        assertThat(format.path("strict").asBoolean(false)).isEqualTo(request == review);
      }
    }
  }
}
