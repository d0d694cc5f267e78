package io.configurableagents.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.expr.Template;
import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.core.model.NodeSpec;
import io.configurableagents.core.model.OutputSpec;
import io.configurableagents.core.model.Provider;
import io.configurableagents.core.model.SourceLocation;
import io.configurableagents.core.model.StateField;
import io.configurableagents.core.model.TypeRef;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.model.WorkflowConfig;
import io.configurableagents.core.schema.JsonSchemas;
import io.configurableagents.runtime.llm.fake.FakeProviderServer;
import io.configurableagents.runtime.llm.fake.RecordedRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The schemas workflow-core makes for nodes (object outputs with a nested object, {@code
 * dict[str, int]}, {@code list[int]}, optional nested fields; simple outputs wrapped as {@code
 * result}) reach every provider whole, in its native place.
 */
class CoreSchemaOnTheWireTest {
  static final SourceLocation AT = SourceLocation.startOf("workflow.yaml");
  static FakeProviderServer fake;
  static LlmClients clients;

  final Workflow workflow = workflow();
  final ObjectNode profileSchema = JsonSchemas.nodeOutput(workflow, workflow.node("profile").orElseThrow());
  final ObjectNode titleSchema = JsonSchemas.nodeOutput(workflow, workflow.node("title").orElseThrow());

  @BeforeAll
  static void startFake() {
    fake = FakeProviderServer.start();
    clients = LlmClients.create(
        Environment.of(Map.of("OPENAI_API_KEY", "k1", "ANTHROPIC_API_KEY", "k2", "GOOGLE_API_KEY", "k3")),
        LlmClientOptions.DEFAULT);
  }

  @AfterAll
  static void stopFake() {
    clients.close();
    fake.close();
  }

  @BeforeEach
  void resetFake() {
    fake.reset();
  }

  @Test
  void openAiGetsTheObjectSchemaNonStrictAndTheSimpleOneStrict() {
    RecordedRequest profile = send(Provider.OPENAI, profileSchema);
    assertThat(profile.schema()).isEqualTo(withoutDollarSchema(profileSchema));
    assertThat(profile.body().at("/response_format/json_schema/strict").asBoolean()).isFalse();
    assertThat(profile.schema().at("/properties/counts/additionalProperties/type").asText()).isEqualTo("integer");
    assertThat(profile.schema().at("/properties/scores/items/type").asText()).isEqualTo("integer");

    RecordedRequest title = send(Provider.OPENAI, titleSchema);
    assertThat(title.body().at("/response_format/json_schema/strict").asBoolean()).isTrue();
    assertThat(title.body().at("/response_format/json_schema/name").asText()).isEqualTo("Output_title");
    assertThat(title.schema().at("/properties/result/type").asText()).isEqualTo("string");
  }

  @Test
  void geminiGetsTheSchemaWholeAsResponseJsonSchema() {
    assertThat(send(Provider.GOOGLE, profileSchema).schema()).isEqualTo(withoutDollarSchema(profileSchema));
    assertThat(send(Provider.GOOGLE, titleSchema).schema()).isEqualTo(withoutDollarSchema(titleSchema));
  }

  @Test
  void anthropicGetsEveryPropertyAndRequiredNameInTheToolInputSchema() {
    for (ObjectNode schema : List.of(profileSchema, titleSchema)) {
      JsonNode sent = send(Provider.ANTHROPIC, schema).schema();

      assertThat(sent.path("type").asText()).isEqualTo("object");
      assertThat(sent.path("properties")).isEqualTo(schema.path("properties"));
      assertThat(sent.path("required")).isEqualTo(schema.path("required"));
    }
  }

  @Test
  void theFakesConformingAnswerParsesAsAnObjectWithEveryOutput() {
    fake.reset();
    LlmResponse response = clients.clientFor(spec(Provider.OPENAI)).complete(request(profileSchema));

    Map<String, Object> answer = ((Verdict.Valid<Map<String, Object>>) JsonAnswers.parseObject(response.text())).value();
    assertThat(answer).containsOnlyKeys("profile", "counts", "scores");
  }

  RecordedRequest send(Provider provider, ObjectNode schema) {
    clients.clientFor(spec(provider)).complete(request(schema));
    return fake.lastRequest();
  }

  static LlmRequest request(ObjectNode schema) {
    return new LlmRequest("Describe Ada", schema.path("title").asText(), schema);
  }

  static LlmSpec spec(Provider provider) {
    String base = provider == Provider.OPENAI ? fake.openAiBaseUrl() : fake.baseUrl();
    return new LlmSpec(Optional.of(provider), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(base));
  }

  static JsonNode withoutDollarSchema(ObjectNode schema) {
    ObjectNode copy = schema.deepCopy();
    copy.remove("$schema");
    return copy;
  }

  static Workflow workflow() {
    Map<String, StateField> person = new LinkedHashMap<>();
    person.put("name", field("name", new TypeRef.Str(), true));
    person.put("age", field("age", new TypeRef.Int(), false));
    Map<String, StateField> state = new LinkedHashMap<>();
    state.put("topic", field("topic", new TypeRef.Str(), true));
    state.put("profile", field("profile", new TypeRef.ObjectType(person), false));
    state.put("counts", field("counts", new TypeRef.DictOf(Optional.of(new TypeRef.Str()), Optional.of(new TypeRef.Int())), false));
    state.put("scores", field("scores", new TypeRef.ListOf(Optional.of(new TypeRef.Int())), false));
    state.put("title", field("title", new TypeRef.Str(), false));
    OutputSpec objectOutput = new OutputSpec.Fields(List.of(
        new OutputSpec.OutputField("profile", state.get("profile").type(), Optional.of("Who it is")),
        new OutputSpec.OutputField("counts", state.get("counts").type(), Optional.empty()),
        new OutputSpec.OutputField("scores", state.get("scores").type(), Optional.empty())));
    OutputSpec simpleOutput = new OutputSpec.Simple(new TypeRef.Str(), Optional.of("A title"));
    return new Workflow("w", Optional.empty(), Optional.empty(), state,
        List.of(node("profile", objectOutput, "profile", "counts", "scores"), node("title", simpleOutput, "title")),
        List.of(), WorkflowConfig.DEFAULT, "workflow.yaml");
  }

  static NodeSpec node(String id, OutputSpec output, String... outputs) {
    return new NodeSpec(id, Optional.empty(), Map.of(), Template.parse("About {state.topic}"), output, List.of(outputs),
        List.of(), Optional.empty(), Optional.empty(), AT);
  }

  static StateField field(String name, TypeRef type, boolean required) {
    return new StateField(name, type, required, Optional.empty(), Optional.empty(), AT);
  }
}
