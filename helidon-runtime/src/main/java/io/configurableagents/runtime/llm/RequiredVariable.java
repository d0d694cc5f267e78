package io.configurableagents.runtime.llm;

import io.configurableagents.core.model.Provider;
import java.util.List;
import java.util.Objects;

/**
 * An environment variable a workflow needs: a provider's API key, or a tool's.
 *
 * @param user what needs it: {@code the openai provider}, {@code the serper_search tool}
 * @param nodeIds the nodes that use it, in file order
 */
public record RequiredVariable(String name, String user, List<String> nodeIds) {
  public RequiredVariable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(user, "user");
    nodeIds = List.copyOf(nodeIds);
  }

  /** A provider's key. */
  public RequiredVariable(String name, Provider provider, List<String> nodeIds) {
    this(name, "the " + provider.id() + " provider", nodeIds);
  }

  /** {@code OPENAI_API_KEY (the openai provider of nodes 'a', 'b')}. */
  public String describe() {
    String nodes = String.join("', '", nodeIds);
    return name + " (" + user + " of node" + (nodeIds.size() == 1 ? " '" : "s '") + nodes + "')";
  }
}
