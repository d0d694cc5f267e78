package io.configurableagents.runtime.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.runtime.llm.ToolDefinition;

/**
 * A built-in tool (docs/tools.md): what the model is told about it, and one call. Thread-safe; calls
 * run concurrently on virtual threads, and a call whose thread is interrupted (its timeout, the
 * run's cancellation) stops as soon as it can.
 */
public interface Tool {

  /** The name, description and input schema the model sees. */
  ToolDefinition definition();

  /**
   * Runs one call.
   *
   * @param input the model's arguments, a JSON object
   * @return the result the model reads: JSON text, or plain text
   * @throws ToolException when the input is wrong, the call is refused, or the tool fails; the
   *     message says which and how to fix it, and never holds a secret
   */
  String call(ObjectNode input) throws ToolException;
}
