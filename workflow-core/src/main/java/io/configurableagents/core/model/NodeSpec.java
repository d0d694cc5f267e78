package io.configurableagents.core.model;

import io.configurableagents.core.expr.Template;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One entry of {@code nodes}: an LLM call (or a Python code node, which this runtime does not run).
 *
 * @param inputs the input mappings, local name to template, in file order
 * @param outputs the state fields the node writes, in file order
 * @param llm the node's own {@code llm} block, not merged; see {@link Workflow#llmFor}
 * @param code the Python source of a code node; such a node fails when a run reaches it
 * @param location where the node's {@code id} value is
 * @param maxToolRounds the node's own {@code max_tool_rounds}, over {@code config.execution}'s
 */
public record NodeSpec(
    String id,
    Optional<String> description,
    Map<String, Template> inputs,
    Template prompt,
    OutputSpec output,
    List<String> outputs,
    List<ToolSpec> tools,
    Optional<LlmSpec> llm,
    Optional<String> code,
    SourceLocation location,
    OptionalInt maxToolRounds) {

  public NodeSpec {
    inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    outputs = List.copyOf(outputs);
    tools = List.copyOf(tools);
    Objects.requireNonNull(maxToolRounds, "maxToolRounds");
  }

  /** Without a node-level {@code max_tool_rounds}. */
  public NodeSpec(
      String id,
      Optional<String> description,
      Map<String, Template> inputs,
      Template prompt,
      OutputSpec output,
      List<String> outputs,
      List<ToolSpec> tools,
      Optional<LlmSpec> llm,
      Optional<String> code,
      SourceLocation location) {
    this(id, description, inputs, prompt, output, outputs, tools, llm, code, location, OptionalInt.empty());
  }

  /** The node's tool rounds limit: its own {@code max_tool_rounds}, else {@code config.execution}'s. */
  public int maxToolRounds(ExecutionSpec execution) {
    return maxToolRounds.orElse(execution.maxToolRounds());
  }

  public boolean isCodeNode() {
    return code.isPresent();
  }
}
