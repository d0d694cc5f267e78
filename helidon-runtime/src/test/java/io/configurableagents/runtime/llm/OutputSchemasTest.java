package io.configurableagents.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputSchemasTest {

  @Test
  void theWireSchemaDropsOnlyDollarSchemaAndDollarId() {
    var schema = TestSchemas.schema(TestSchemas.REVIEW);
    schema.put("$id", "urn:x");

    var wire = OutputSchemas.wireSchema(schema);

    assertThat(wire.has("$schema")).isFalse();
    assertThat(wire.has("$id")).isFalse();
    assertThat(wire.path("properties")).isEqualTo(schema.path("properties"));
    assertThat(schema.has("$schema")).as("the caller's schema is left alone").isTrue();
  }

  @Test
  void namesAreMadeAcceptableToProviders() {
    assertThat(OutputSchemas.wireName("Output_write-up")).isEqualTo("Output_write-up");
    assertThat(OutputSchemas.wireName("Output_größe.v2")).isEqualTo("Output_gr__e_v2");
    assertThat(OutputSchemas.wireName("Output_" + "x".repeat(100))).hasSize(64);
  }
}
