package io.configurableagents.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated workflow: immutable, only ever produced by the loader from a file without errors, so
 * code that uses it never re-checks structure.
 *
 * @param name {@code flow.name}, trimmed
 * @param state the declared fields in declaration order
 * @param fileName the name of the file it was loaded from, as given to the loader
 */
public record Workflow(
    String name,
    Optional<String> description,
    Optional<String> version,
    Map<String, StateField> state,
    List<NodeSpec> nodes,
    List<EdgeSpec> edges,
    WorkflowConfig config,
    String fileName) {

  public Workflow {
    state = Collections.unmodifiableMap(new LinkedHashMap<>(state));
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  public Optional<NodeSpec> node(String id) {
    return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
  }

  /** The edges leaving {@code nodeId} (or {@link EdgeSpec#START}), in file order. */
  public List<EdgeSpec> edgesFrom(String nodeId) {
    return edges.stream().filter(e -> e.from().equals(nodeId)).toList();
  }

  /** The node's effective LLM settings: its own {@code llm} merged over {@code config.llm}. */
  public LlmSpec llmFor(NodeSpec node) {
    return node.llm().map(own -> own.mergedOver(config.llm())).orElse(config.llm());
  }

  /** The providers the LLM nodes of this workflow use, in node order. */
  public Set<Provider> providers() {
    Set<Provider> providers = new LinkedHashSet<>();
    for (NodeSpec node : nodes) {
      if (!node.isCodeNode()) {
        providers.add(llmFor(node).effectiveProvider());
      }
    }
    return Collections.unmodifiableSet(providers);
  }

  /**
   * The environment variables without which every run fails at once, under the defaults: the
   * providers' API keys, then the search tools' keys ({@link WorkflowEnvironment#required()};
   * {@link WorkflowEnvironment} has every variable the workflow reads).
   */
  public Set<String> requiredEnvironment() {
    Set<String> variables = new LinkedHashSet<>();
    WorkflowEnvironment.of(this).required().forEach(v -> variables.add(v.name()));
    return Collections.unmodifiableSet(variables);
  }

  /** {@code flow.version}, or {@code "1.0.0"} as the reference's deploy shows it when unset. */
  public String versionOrDefault() {
    return version.orElse("1.0.0");
  }
}
