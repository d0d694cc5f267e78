package io.configurableagents.core.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.NodeSpec;
import io.configurableagents.core.model.TypeRef;
import io.configurableagents.core.model.Workflow;

/**
 * JSON Schemas (draft 2020-12) derived from a workflow. Descriptions are carried over from the
 * file. Type mapping: {@code str} string, {@code int} integer, {@code float} number, {@code bool}
 * boolean, {@code list[T]} array with {@code items}, {@code dict[K, V]} object with
 * {@code additionalProperties}, {@code object} with a schema: object with {@code properties}.
 */
public final class JsonSchemas {
  private JsonSchemas() {}

  /** The schema of one type (no {@code $schema} key). */
  public static ObjectNode ofType(TypeRef type) {
    throw new UnsupportedOperationException("JsonSchemas: not implemented yet");
  }

  /** The body of {@code POST /run}: every state field, {@code required} for the required ones. */
  public static ObjectNode inputs(Workflow workflow) {
    throw new UnsupportedOperationException("JsonSchemas: not implemented yet");
  }

  /**
   * What the LLM is asked for by a node ({@code Output_<node>}): an object with one required
   * property per output field, or {@code {"result": T}} for a simple output.
   * {@code additionalProperties: false} at every object level that has fixed properties.
   */
  public static ObjectNode nodeOutput(Workflow workflow, NodeSpec node) {
    throw new UnsupportedOperationException("JsonSchemas: not implemented yet");
  }

  /** The final state of a run (every declared field, hidden values left out). */
  public static ObjectNode result(Workflow workflow) {
    throw new UnsupportedOperationException("JsonSchemas: not implemented yet");
  }
}
