package io.configurableagents.runtime.engine;

import io.configurableagents.core.expr.Condition;
import io.configurableagents.core.model.EdgeSpec;
import io.configurableagents.core.model.NodeSpec;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.schema.JsonSchemas;
import io.configurableagents.runtime.llm.LlmClient;
import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.runtime.tools.ToolBinding;
import io.configurableagents.runtime.tools.Tools;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a validated {@link Workflow} into a {@link CompiledWorkflow}. The validator has already
 * checked the structure; what cannot happen in a validated workflow is reported as an
 * {@link IllegalArgumentException}, not as a user error.
 */
final class GraphCompiler {
  private GraphCompiler() {}

  static CompiledWorkflow compile(Workflow workflow, Function<LlmSpec, LlmClient> clients, Tools tools) {
    Map<String, Node> nodes = new LinkedHashMap<>();
    for (NodeSpec spec : workflow.nodes()) {
      nodes.put(spec.id(), compileNode(workflow, spec, clients, tools));
    }
    Map<String, List<EdgeSpec>> bySource = new LinkedHashMap<>();
    for (EdgeSpec e : workflow.edges()) {
      bySource.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
    }
    Map<String, Edge> edges = new LinkedHashMap<>();
    bySource.forEach((from, specs) -> edges.put(from, compileEdges(from, specs)));
    return new CompiledWorkflow(workflow, nodes, edges);
  }

  private static Node compileNode(Workflow workflow, NodeSpec spec, Function<LlmSpec, LlmClient> clients, Tools tools) {
    if (spec.isCodeNode()) {
      return new Node.CodeNode(spec);
    }
    List<ToolBinding> bound = spec.tools().stream().map(tools::bind).toList();
    return new LlmNode(
        spec, workflow.llmFor(spec), JsonSchemas.nodeOutput(workflow, spec), clients, bound, workflow.config().execution());
  }

  /** All the edge entries leaving one node, in file order, as one decision. */
  static Edge compileEdges(String from, List<EdgeSpec> specs) {
    List<Edge.Choice> whens = new ArrayList<>();
    Set<String> plain = new LinkedHashSet<>();
    for (EdgeSpec spec : specs) {
      switch (spec.target()) {
        case EdgeSpec.To to -> plain.add(to.node());
        case EdgeSpec.FanOut fan -> plain.addAll(fan.nodes());
        case EdgeSpec.When when ->
            whens.add(new Edge.Choice(when.condition(), when.node(), "condition \"" + when.condition().source() + "\""));
        case EdgeSpec.Routes routes -> {
          return single(from, specs, routes(routes));
        }
        case EdgeSpec.Loop loop -> {
          return single(from, specs, loop(from, loop));
        }
        case EdgeSpec.Parallel p -> {
          return single(from, specs, new Edge.Parallel(p.itemsField(), p.targetNode(), p.collectField()));
        }
      }
    }
    Edge.Go unconditional = new Edge.Go(List.copyOf(plain));
    if (whens.isEmpty()) {
      return unconditional;
    }
    return new Edge.Choose(whens, plain.isEmpty() ? Optional.empty() : Optional.of(unconditional));
  }

  private static Edge single(String from, List<EdgeSpec> specs, Edge edge) {
    if (specs.size() != 1) {
      throw new IllegalArgumentException(
          "node \"" + from + "\" has a routes, loop or parallel edge beside other edges;"
              + " the validator should have rejected this workflow");
    }
    return edge;
  }

  private static Edge.Choose routes(EdgeSpec.Routes routes) {
    List<Edge.Choice> choices = new ArrayList<>();
    for (EdgeSpec.Route r : routes.routes()) {
      if (!r.condition().isDefault()) {
        choices.add(new Edge.Choice(r.condition(), r.to(), "route condition \"" + r.condition().source() + "\""));
      }
    }
    return new Edge.Choose(choices, routes.defaultTarget().map(t -> new Edge.Go(List.of(t))));
  }

  private static Edge.Loop loop(String from, EdgeSpec.Loop loop) {
    Condition done = Condition.parse("state." + loop.conditionField());
    return new Edge.Loop(from, loop.conditionField(), done, loop.maxIterations(), loop.exitTo());
  }
}
