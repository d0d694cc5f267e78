package io.configurableagents.core.schema;

import static io.configurableagents.core.schema.TestWorkflows.BOOL;
import static io.configurableagents.core.schema.TestWorkflows.FLOAT;
import static io.configurableagents.core.schema.TestWorkflows.INT;
import static io.configurableagents.core.schema.TestWorkflows.STR;
import static io.configurableagents.core.schema.TestWorkflows.described;
import static io.configurableagents.core.schema.TestWorkflows.dictOf;
import static io.configurableagents.core.schema.TestWorkflows.echo;
import static io.configurableagents.core.schema.TestWorkflows.everyType;
import static io.configurableagents.core.schema.TestWorkflows.json;
import static io.configurableagents.core.schema.TestWorkflows.listOf;
import static io.configurableagents.core.schema.TestWorkflows.objectOf;
import static io.configurableagents.core.schema.TestWorkflows.optional;
import static io.configurableagents.core.schema.TestWorkflows.required;
import static io.configurableagents.core.schema.TestWorkflows.untypedDict;
import static io.configurableagents.core.schema.TestWorkflows.untypedList;
import static io.configurableagents.core.schema.TestWorkflows.withDefault;
import static io.configurableagents.core.schema.TestWorkflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.TypeRef;
import io.configurableagents.core.model.Workflow;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {

  @Test
  void echoInputsRequireTheMessageAndShowTheResultDefault() {
    ObjectNode inputs = JsonSchemas.inputs(echo());

    assertThat(inputs.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(inputs.get("type").asText()).isEqualTo("object");
    assertThat(inputs.get("properties")).isEqualTo(json("""
        {"message": {"type": "string", "description": "The message to echo back"},
         "result": {"type": "string", "description": "The echoed result", "default": ""}}
        """));
    assertThat(inputs.get("required")).isEqualTo(json("[\"message\"]"));
    assertThat(inputs.has("additionalProperties")).as("unknown input keys are ignored, not refused").isFalse();
  }

  @Test
  void onlyOptionalFieldsWithoutDefaultAreNullable() {
    Workflow w = workflow("w", required("a", STR), optional("b", INT), withDefault("c", BOOL, true));

    JsonNode properties = JsonSchemas.inputs(w).get("properties");

    assertThat(properties.get("a")).isEqualTo(json("{\"type\": \"string\"}"));
    assertThat(properties.get("b")).isEqualTo(json("{\"type\": [\"integer\", \"null\"]}"));
    assertThat(properties.get("c")).isEqualTo(json("{\"type\": \"boolean\", \"default\": true}"));
  }

  @Test
  void elementTypesBecomeItemsAndAdditionalProperties() {
    assertThat(JsonSchemas.ofType(listOf(INT))).isEqualTo(json("{\"type\": \"array\", \"items\": {\"type\": \"integer\"}}"));
    assertThat(JsonSchemas.ofType(dictOf(STR, listOf(FLOAT)))).isEqualTo(json("""
        {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "number"}}}
        """));
    assertThat(JsonSchemas.ofType(dictOf(STR, dictOf(STR, INT)))).isEqualTo(json("""
        {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": {"type": "integer"}}}
        """));
    assertThat(JsonSchemas.ofType(untypedList())).isEqualTo(json("{\"type\": \"array\"}"));
    assertThat(JsonSchemas.ofType(untypedDict())).isEqualTo(json("{\"type\": \"object\"}"));
    assertThat(JsonSchemas.ofType(TypeRef.ObjectType.untyped())).isEqualTo(json("{\"type\": \"object\"}"));
    assertThat(JsonSchemas.ofType(STR).has("$schema")).isFalse();
  }

  @Test
  void nestedObjectInputsRequireOnlyTheRequiredSubFieldsAndShowTheirDefaults() {
    TypeRef person = objectOf(
        described(required("name", STR), "Full name"),
        withDefault("hobbies", listOf(STR), List.of("reading")),
        optional("address", objectOf(required("city", STR))));

    assertThat(JsonSchemas.ofType(person)).isEqualTo(json("""
        {"type": "object",
         "properties": {
           "name": {"type": "string", "description": "Full name"},
           "hobbies": {"type": "array", "items": {"type": "string"}, "default": ["reading"]},
           "address": {"type": ["object", "null"],
                       "properties": {"city": {"type": "string"}},
                       "required": ["city"]}},
         "required": ["name"]}
        """));
  }

  @Test
  void theResultHasEveryDeclaredFieldAndNoOther() {
    ObjectNode result = JsonSchemas.result(echo());

    assertThat(result.get("required")).isEqualTo(json("[\"message\", \"result\"]"));
    assertThat(result.get("additionalProperties").asBoolean(true)).isFalse();
    assertThat(result.get("properties").get("result")).as("defaults are input business")
        .isEqualTo(json("{\"type\": \"string\", \"description\": \"The echoed result\"}"));
  }

  @Test
  void resultObjectsAreClosedButRequireOnlyTheirRequiredSubFields() {
    Workflow w = workflow("w", optional("address", objectOf(required("city", STR), optional("zip", STR))));

    assertThat(JsonSchemas.result(w).get("properties").get("address")).isEqualTo(json("""
        {"type": ["object", "null"],
         "properties": {"city": {"type": "string"}, "zip": {"type": ["string", "null"]}},
         "required": ["city"],
         "additionalProperties": false}
        """));
  }

  @Test
  void everyGeneratedDocumentIsAValidJsonSchema() {
    Workflow w = everyType();

    assertThat(SchemaValidation.metaSchemaErrors(JsonSchemas.inputs(w))).isEmpty();
    assertThat(SchemaValidation.metaSchemaErrors(JsonSchemas.result(w))).isEmpty();
  }

  @Test
  void theMetaSchemaCheckCatchesABrokenSchema() {
    assertThat(SchemaValidation.metaSchemaErrors(json("{\"type\": \"strin\", \"required\": \"a\"}")))
        .anyMatch(e -> e.startsWith("/type"))
        .anyMatch(e -> e.startsWith("/required"));
  }

  @Test
  void inputsSchemaAcceptsGoodBodiesAndRefusesBadOnes() {
    ObjectNode inputs = JsonSchemas.inputs(everyType());

    assertThat(SchemaValidation.errors(inputs, json("""
        {"topic": "t", "tags": ["a"], "person": {"name": "Ada", "address": null}, "ratio": null,
         "scores": {"x": 1}, "deep": {"a": {"b": [1.5]}}, "unknown": "ignored"}
        """))).isEmpty();
    assertThat(SchemaValidation.errors(inputs, json("""
        {"topic": null, "tags": [1], "person": {"age": 3}, "scores": {"x": "one"}, "count": null}
        """))).hasSize(5);
  }

  @Test
  void resultSchemaDescribesAFullFinalState() {
    JsonNode finalState = json("""
        {"message": "hi", "result": "hi"}
        """);

    assertThat(SchemaValidation.errors(JsonSchemas.result(echo()), finalState)).isEmpty();
    assertThat(SchemaValidation.errors(JsonSchemas.result(echo()), json("{\"message\": \"hi\"}")))
        .singleElement().asString().contains("result");
  }
}
