package io.configurableagents.runtime.trace;

import io.configurableagents.core.WorkflowException;
import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.core.model.NodeSpec;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.runtime.llm.LlmClients;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What exported spans say about a node that its events do not carry: its type, and for an LLM
 * node the request settings of its effective {@code llm} and the server it calls.
 *
 * @param type {@code llm} or {@code code}
 * @param serverAddress the host of the provider's API ({@code api_base}, else the provider's own)
 */
record NodeFacts(
    String type, Optional<Double> temperature, Optional<Integer> maxTokens, Optional<String> serverAddress, OptionalInt serverPort) {
  static final NodeFacts UNKNOWN = new NodeFacts("llm", Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty());

  NodeFacts {
    Objects.requireNonNull(type, "type");
  }

  /** The facts of every node of {@code workflow}, by id. */
  static Map<String, NodeFacts> of(Workflow workflow) {
    Map<String, NodeFacts> facts = new LinkedHashMap<>();
    for (NodeSpec node : workflow.nodes()) {
      facts.put(node.id(), node.isCodeNode() ? new NodeFacts("code", Optional.empty(), Optional.empty(), Optional.empty(),
          OptionalInt.empty()) : llm(workflow.llmFor(node)));
    }
    return facts;
  }

  private static NodeFacts llm(LlmSpec spec) {
    Optional<URI> server;
    try {
      server = Optional.of(LlmClients.baseUrl(spec));
    } catch (WorkflowException | IllegalArgumentException e) {
      server = Optional.empty(); // such a node fails at its first run, saying why
    }
    return new NodeFacts("llm", spec.temperature(), spec.maxTokens(), server.map(URI::getHost),
        server.map(URI::getPort).filter(p -> p > 0).map(OptionalInt::of).orElse(OptionalInt.empty()));
  }
}
