package io.configurableagents.core.schema;

import static io.configurableagents.core.schema.TestWorkflows.AT;
import static io.configurableagents.core.schema.TestWorkflows.STR;
import static io.configurableagents.core.schema.TestWorkflows.echo;
import static io.configurableagents.core.schema.TestWorkflows.everyType;
import static io.configurableagents.core.schema.TestWorkflows.json;
import static io.configurableagents.core.schema.TestWorkflows.listOf;
import static io.configurableagents.core.schema.TestWorkflows.optional;
import static io.configurableagents.core.schema.TestWorkflows.required;
import static io.configurableagents.core.schema.TestWorkflows.withDefault;
import static io.configurableagents.core.schema.TestWorkflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.model.EdgeSpec;
import io.configurableagents.core.model.Workflow;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleInputsTest {

  @Test
  void echoExampleGivesTheRequiredMessage() {
    assertThat(ExampleInputs.of(echo())).isEqualTo(json("{\"message\": \"example_message\"}"));
    assertThat(ExampleInputs.json(echo())).isEqualTo("{\"message\":\"example_message\"}");
  }

  @Test
  void valuesFollowTheTypesAllTheWayDown() {
    assertThat(ExampleInputs.of(everyType())).isEqualTo(json("""
        {"topic": "example_topic",
         "ratio": 1.5,
         "tags": ["example_tags"],
         "matrix": [[1]],
         "scores": {"key": 1},
         "deep": {"key": {"key": [1.5]}},
         "anything": ["example_anything"],
         "meta": {"key": "example_meta"},
         "records": [{}],
         "person": {"name": "example_name", "age": 1, "hobbies": ["example_hobbies"],
                    "address": {"city": "example_city", "zip": "example_zip"}},
         "profile": {"bio": "example_bio", "personality_traits": ["example_personality_traits"],
                     "recommended_topics": ["example_recommended_topics"], "engagement_score": 1}}
        """));
  }

  @Test
  void theExampleIsValidAgainstTheInputsSchema() {
    for (Workflow w : List.of(echo(), everyType())) {
      assertThat(SchemaValidation.errors(JsonSchemas.inputs(w), ExampleInputs.of(w))).as(w.name()).isEmpty();
    }
  }

  @Test
  void fieldsWithDefaultsAndFieldsTheWorkflowWritesAreLeftOut() {
    Workflow w = workflow(
        "w",
        List.of(),
        List.of(new EdgeSpec("a", new EdgeSpec.Parallel("items", "b", "collected"), AT)),
        required("items", listOf(STR)),
        optional("tone", STR),
        withDefault("language", STR, "en"),
        optional("collected", listOf(STR)));

    assertThat(ExampleInputs.of(w)).isEqualTo(json("{\"items\": [\"example_items\"], \"tone\": \"example_tone\"}"));
  }
}
