package io.configurableagents.runtime.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** Output schemas as workflow-core's {@code JsonSchemas.nodeOutput} makes them, and parsers. */
final class TestSchemas {
  static final ObjectMapper JSON = new ObjectMapper();

  /** {@code outputs: [summary, score]}: str and int, every level closed, everything required. */
  static final String REVIEW =
      """
      {"$schema": "https://json-schema.org/draft/2020-12/schema",
       "type": "object",
       "properties": {
         "summary": {"type": "string", "description": "One sentence"},
         "score": {"type": "integer", "description": "From 1 to 10"},
         "tags": {"type": "array", "items": {"type": "string"}},
         "mood": {"type": ["string", "null"], "enum": ["good", "bad", null]}
       },
       "required": ["summary", "score", "tags", "mood"],
       "additionalProperties": false}
      """;

  /** {@code dict[str, int]} output: not acceptable to OpenAI's strict mode. */
  static final String COUNTS =
      """
      {"type": "object",
       "properties": {"result": {"type": "object", "additionalProperties": {"type": "integer"},
                                 "description": "Word counts"}},
       "required": ["result"],
       "additionalProperties": false}
      """;

  private TestSchemas() {}

  static ObjectNode schema(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static LlmRequest reviewRequest(String prompt) {
    return new LlmRequest(prompt, "Output_review", schema(REVIEW));
  }
}
