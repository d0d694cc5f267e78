package io.configurableagents.runtime.llm;

import io.configurableagents.core.model.Provider;
import java.util.List;
import java.util.Objects;

/**
 * An environment variable a workflow needs: a provider's API key.
 *
 * @param nodeIds the LLM nodes that use the provider, in file order
 */
public record RequiredVariable(String name, Provider provider, List<String> nodeIds) {
  public RequiredVariable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(provider, "provider");
    nodeIds = List.copyOf(nodeIds);
  }

  /** {@code OPENAI_API_KEY (the openai provider of nodes 'a', 'b')}. */
  public String describe() {
    String nodes = String.join("', '", nodeIds);
    return name + " (the " + provider.id() + " provider of node" + (nodeIds.size() == 1 ? " '" : "s '") + nodes + "')";
  }
}
