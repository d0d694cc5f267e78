package io.configurableagents.core.yaml;

import io.configurableagents.core.expr.Template;
import io.configurableagents.core.model.EdgeSpec;
import io.configurableagents.core.model.NodeSpec;
import io.configurableagents.core.model.OutputSpec;
import io.configurableagents.core.model.StateField;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.validate.SourceMap;
import io.configurableagents.core.validate.WorkflowDraft;
import io.configurableagents.core.validate.WorkflowDraft.EdgeDraft;
import io.configurableagents.core.validate.WorkflowDraft.NodeDraft;
import io.configurableagents.core.validate.WorkflowDraft.OutputDraft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a draft without errors into the immutable {@link Workflow}. Output types are taken from
 * the state fields the outputs write, so an {@code object} output carries its nested schema.
 */
final class WorkflowAssembler {
  private WorkflowAssembler() {}

  static Workflow assemble(WorkflowDraft draft) {
    Map<String, StateField> state = new LinkedHashMap<>();
    draft.fields().forEach((name, f) -> state.put(name, f.field().orElseThrow()));
    List<NodeSpec> nodes = draft.nodes().stream().map(n -> node(n, state, draft.sources())).toList();
    List<EdgeSpec> edges = draft.edges().stream().map(e -> edge(e, draft.sources())).toList();
    return new Workflow(draft.name().orElseThrow(), draft.description(), draft.version(), state, nodes, edges,
        draft.config(), draft.fileName());
  }

  private static NodeSpec node(NodeDraft n, Map<String, StateField> state, SourceMap sources) {
    Map<String, Template> inputs = new LinkedHashMap<>();
    n.inputs().forEach((name, template) -> inputs.put(name, template.orElseThrow()));
    return new NodeSpec(n.id(), n.description(), inputs, n.prompt().orElseThrow(), output(n, n.output().orElseThrow(), state),
        n.outputs(), n.tools(), n.llm(), n.code(), sources.value("nodes", n.index(), "id"), n.maxToolRounds());
  }

  private static OutputSpec output(NodeDraft n, OutputDraft draft, Map<String, StateField> state) {
    if (!draft.isObject()) {
      return new OutputSpec.Simple(state.get(n.outputs().get(0)).type(), draft.description());
    }
    List<OutputSpec.OutputField> fields = new ArrayList<>();
    draft.fields().forEach(f -> fields.add(new OutputSpec.OutputField(f.name(), state.get(f.name()).type(), f.description())));
    return new OutputSpec.Fields(fields);
  }

  private static EdgeSpec edge(EdgeDraft e, SourceMap sources) {
    return new EdgeSpec(e.from(), target(e, sources), sources.value("edges", e.index()));
  }

  private static EdgeSpec.Target target(EdgeDraft e, SourceMap sources) {
    WorkflowDraft.Target t = e.target();
    if (t instanceof WorkflowDraft.To to) {
      return new EdgeSpec.To(to.node());
    } else if (t instanceof WorkflowDraft.FanOut f) {
      return new EdgeSpec.FanOut(f.nodes());
    } else if (t instanceof WorkflowDraft.When w) {
      return new EdgeSpec.When(w.condition().orElseThrow(), w.node());
    } else if (t instanceof WorkflowDraft.Routes r) {
      return routes(e.index(), r, sources);
    } else if (t instanceof WorkflowDraft.Loop l) {
      return new EdgeSpec.Loop(l.conditionField(), l.maxIterations(), l.exitTo());
    }
    WorkflowDraft.Parallel p = (WorkflowDraft.Parallel) t;
    return new EdgeSpec.Parallel(p.itemsField(), p.targetNode(), p.collectField());
  }

  private static EdgeSpec.Routes routes(int edge, WorkflowDraft.Routes draft, SourceMap sources) {
    List<EdgeSpec.Route> routes = new ArrayList<>();
    for (int i = 0; i < draft.routes().size(); i++) {
      WorkflowDraft.Route r = draft.routes().get(i);
      routes.add(new EdgeSpec.Route(r.condition().orElseThrow(), r.to(), sources.value("edges", edge, "routes", i)));
    }
    return new EdgeSpec.Routes(routes);
  }
}
