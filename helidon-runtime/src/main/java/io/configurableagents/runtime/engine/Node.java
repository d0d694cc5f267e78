package io.configurableagents.runtime.engine;

import io.configurableagents.core.model.NodeSpec;

/** A node of a {@link CompiledWorkflow}: what runs when the flow reaches it. */
sealed interface Node permits LlmNode, Node.CodeNode {

  NodeSpec spec();

  default String id() {
    return spec().id();
  }

  /** A Python {@code code} node: this runtime does not run them; reaching one fails the run. */
  record CodeNode(NodeSpec spec) implements Node {}
}
