package io.configurableagents.core.schema;

import static io.configurableagents.core.schema.TestWorkflows.echo;
import static io.configurableagents.core.schema.TestWorkflows.json;
import static io.configurableagents.core.schema.TestWorkflows.withFlow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class SchemaDescriptionTest {

  @Test
  void showsTheInputsAsThePythonToolDidPlusBothJsonSchemas() {
    ObjectNode body = SchemaDescription.of(withFlow(echo(), "Echoes", "2.0.1"));

    assertThat(body.fieldNames()).toIterable()
        .containsExactly("workflow", "version", "inputs", "outputs", "input_schema", "output_schema");
    assertThat(body.get("workflow").asText()).isEqualTo("echo");
    assertThat(body.get("version").asText()).isEqualTo("2.0.1");
    assertThat(body.get("inputs")).isEqualTo(json("""
        {"message": {"type": "str", "required": true, "default": null, "description": "The message to echo back"},
         "result": {"type": "str", "required": false, "default": "", "description": "The echoed result"}}
        """));
    assertThat(body.get("outputs")).isEqualTo(json("[\"message\", \"result\"]"));
    assertThat(body.get("input_schema")).isEqualTo(JsonSchemas.inputs(echo()));
    assertThat(body.get("output_schema")).isEqualTo(JsonSchemas.result(echo()));
  }

  @Test
  void anUnsetVersionShowsAsTheDefault() {
    assertThat(SchemaDescription.of(echo()).get("version").asText()).isEqualTo("1.0.0");
  }
}
