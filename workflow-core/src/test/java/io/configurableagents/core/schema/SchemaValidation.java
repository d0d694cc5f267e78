package io.configurableagents.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/** A real JSON Schema 2020-12 validator (networknt), its meta-schema read from its own jar. */
final class SchemaValidation {
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Schema META_SCHEMA = REGISTRY.getSchema(SchemaLocation.of(JsonSchemas.DIALECT));

  private SchemaValidation() {}

  /** What is wrong with {@code schema} as a 2020-12 schema (empty when it is a valid one). */
  static List<String> metaSchemaErrors(JsonNode schema) {
    return messages(META_SCHEMA.validate(schema));
  }

  /** What is wrong with {@code instance} according to {@code schema}. */
  static List<String> errors(JsonNode schema, JsonNode instance) {
    return messages(REGISTRY.getSchema(schema).validate(instance));
  }

  private static List<String> messages(List<Error> errors) {
    return errors.stream().map(Error::toString).toList();
  }
}
