package io.configurableagents.core.schema;

import static io.configurableagents.core.schema.TestWorkflows.INT;
import static io.configurableagents.core.schema.TestWorkflows.STR;
import static io.configurableagents.core.schema.TestWorkflows.described;
import static io.configurableagents.core.schema.TestWorkflows.dictOf;
import static io.configurableagents.core.schema.TestWorkflows.fieldMap;
import static io.configurableagents.core.schema.TestWorkflows.json;
import static io.configurableagents.core.schema.TestWorkflows.listOf;
import static io.configurableagents.core.schema.TestWorkflows.objectOf;
import static io.configurableagents.core.schema.TestWorkflows.optional;
import static io.configurableagents.core.schema.TestWorkflows.profile;
import static io.configurableagents.core.schema.TestWorkflows.required;
import static io.configurableagents.core.schema.TestWorkflows.untypedList;
import static io.configurableagents.core.schema.TestWorkflows.withDefault;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.OutputSpec;
import io.configurableagents.core.model.OutputSpec.OutputField;
import io.configurableagents.core.model.StateField;
import io.configurableagents.core.model.TypeRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a node asks its LLM for (docs/engine.md, "One node"; docs/workflow-format.md, "Outputs"), built from the parts of a node. */
class NodeOutputSchemaTest {
  private static final Map<String, StateField> ARTICLE_STATE = fieldMap(
      required("topic", STR),
      described(withDefault("article", STR, ""), "The final article"),
      described(withDefault("word_count", INT, 0L), "Word count of the article"));

  @Test
  void objectOutputAsksForEveryFieldWithItsDescription() {
    OutputSpec output = new OutputSpec.Fields(List.of(
        new OutputField("article", STR, Optional.of("The complete article text")),
        new OutputField("word_count", INT, Optional.of("Approximate word count"))));

    ObjectNode schema = AnswerSchemas.of(output, List.of("article", "word_count"), ARTICLE_STATE);

    assertThat(schema).isEqualTo(json("""
        {"type": "object",
         "properties": {
           "article": {"type": "string", "description": "The complete article text"},
           "word_count": {"type": "integer", "description": "Approximate word count"}},
         "required": ["article", "word_count"],
         "additionalProperties": false}
        """));
    assertThat(JsonSchemas.isStrictCompatible(schema)).isTrue();
  }

  @Test
  void outputFieldWithoutDescriptionTakesTheStateFieldDescription() {
    OutputSpec output = new OutputSpec.Fields(List.of(new OutputField("word_count", INT, Optional.empty())));

    ObjectNode schema = AnswerSchemas.of(output, List.of("word_count"), ARTICLE_STATE);

    assertThat(schema.at("/properties/word_count/description").asText()).isEqualTo("Word count of the article");
  }

  @Test
  void simpleOutputIsWrappedInResultWithTheOutputSchemaDescription() {
    OutputSpec output = new OutputSpec.Simple(listOf(STR), Optional.of("Three keywords"));
    Map<String, StateField> state = fieldMap(described(optional("keywords", listOf(STR)), "Keywords of the text"));

    ObjectNode schema = AnswerSchemas.of(output, List.of("keywords"), state);

    assertThat(schema).isEqualTo(json("""
        {"type": "object",
         "properties": {"result": {"type": "array", "description": "Three keywords", "items": {"type": "string"}}},
         "required": ["result"],
         "additionalProperties": false}
        """));
    assertThat(AnswerSchemas.of(new OutputSpec.Simple(listOf(STR), Optional.empty()), List.of("keywords"), state)
            .at("/properties/result/description").asText())
        .isEqualTo("Keywords of the text");
  }

  @Test
  void objectOutputCarriesTheStateFieldsNestedSchemaStrictly() {
    StateField profile = profile();
    OutputSpec output = new OutputSpec.Fields(
        List.of(new OutputField("profile", profile.type(), Optional.of("Complete user profile"))));

    ObjectNode schema = AnswerSchemas.of(output, List.of("profile"), fieldMap(profile));

    assertThat(schema.at("/properties/profile")).isEqualTo(json("""
        {"type": "object",
         "description": "Complete user profile",
         "properties": {
           "bio": {"type": ["string", "null"]},
           "personality_traits": {"type": ["array", "null"], "items": {"type": "string"}},
           "recommended_topics": {"type": ["array", "null"], "items": {"type": "string"}},
           "engagement_score": {"type": ["integer", "null"]}},
         "required": ["bio", "personality_traits", "recommended_topics", "engagement_score"],
         "additionalProperties": false}
        """));
    assertThat(JsonSchemas.isStrictCompatible(schema)).isTrue();
    assertThat(SchemaValidation.metaSchemaErrors(schema)).isEmpty();
  }

  @Test
  void nestedSubFieldsWithDefaultsAreRequiredAndNotNullableInAnswers() {
    TypeRef settings = objectOf(withDefault("level", INT, 1L), required("name", STR));
    OutputSpec output = new OutputSpec.Simple(settings, Optional.empty());

    ObjectNode schema = AnswerSchemas.of(output, List.of("settings"), fieldMap(optional("settings", settings)));

    assertThat(schema.at("/properties/result")).isEqualTo(json("""
        {"type": "object",
         "properties": {"level": {"type": "integer"}, "name": {"type": "string"}},
         "required": ["level", "name"],
         "additionalProperties": false}
        """));
  }

  @Test
  void dictsAndUntypedListsCannotBeStrict() {
    Map<String, StateField> state = fieldMap(optional("scores", dictOf(STR, INT)), optional("things", untypedList()));

    ObjectNode dict = AnswerSchemas.of(new OutputSpec.Simple(dictOf(STR, INT), Optional.empty()), List.of("scores"), state);
    ObjectNode list = AnswerSchemas.of(new OutputSpec.Simple(untypedList(), Optional.empty()), List.of("things"), state);

    assertThat(dict.at("/properties/result/additionalProperties")).isEqualTo(json("{\"type\": \"integer\"}"));
    assertThat(JsonSchemas.isStrictCompatible(dict)).isFalse();
    assertThat(JsonSchemas.isStrictCompatible(list)).isFalse();
  }

  @Test
  void strictCheckFollowsOpenAisRules() {
    String strict = """
        {"type": "object", "properties": {"a": {"type": ["string", "null"]},
          "b": {"type": "array", "items": {"anyOf": [{"type": "integer"}, {"type": "null"}]}}},
         "required": ["a", "b"], "additionalProperties": false}
        """;
    assertThat(JsonSchemas.isStrictCompatible(json(strict))).isTrue();
    assertThat(JsonSchemas.isStrictCompatible(json(strict.replace("[\"a\", \"b\"]", "[\"a\"]"))))
        .as("a property not required").isFalse();
    assertThat(JsonSchemas.isStrictCompatible(json(strict.replace("\"additionalProperties\": false", "\"x\": 1"))))
        .as("additionalProperties missing").isFalse();
    assertThat(JsonSchemas.isStrictCompatible(json(strict.replace("{\"type\": \"integer\"}", "{}"))))
        .as("an untyped schema").isFalse();
    assertThat(JsonSchemas.isStrictCompatible(json("{\"type\": \"object\"}"))).as("an untyped object").isFalse();
  }

  @Test
  void strictCheckRefusesObjectsNestedTooDeep() {
    TypeRef deep = objectOf(required("leaf", STR));
    for (int i = 0; i < StrictCheck.MAX_OBJECT_DEPTH - 1; i++) {
      deep = objectOf(required("next", deep));
    }
    OutputSpec atTheLimit = new OutputSpec.Simple(deep, Optional.empty());
    OutputSpec beyond = new OutputSpec.Simple(objectOf(required("next", deep)), Optional.empty());
    Map<String, StateField> state = fieldMap(required("x", deep));

    assertThat(JsonSchemas.isStrictCompatible(AnswerSchemas.of(atTheLimit, List.of("x"), state)))
        .as("the answer object plus %s nested", StrictCheck.MAX_OBJECT_DEPTH).isFalse();
    OutputSpec shallower = new OutputSpec.Simple(((TypeRef.ObjectType) deep).fields().get("next").type(), Optional.empty());
    assertThat(JsonSchemas.isStrictCompatible(AnswerSchemas.of(shallower, List.of("x"), state))).isTrue();
    assertThat(JsonSchemas.isStrictCompatible(AnswerSchemas.of(beyond, List.of("x"), state))).isFalse();
  }
}
