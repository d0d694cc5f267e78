package io.configurableagents.core.validate;

import io.configurableagents.core.expr.Condition;
import io.configurableagents.core.expr.Template;
import io.configurableagents.core.model.EdgeSpec;
import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.core.model.StateField;
import io.configurableagents.core.model.ToolSpec;
import io.configurableagents.core.model.WorkflowConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A workflow file as read, before the checks that look across its parts: what the loader could
 * make of each state field, node and edge, with their positions in {@link #sources()}. Parts that
 * already had errors of their own are left out or carry empty values, so that one mistake is
 * reported once. Not a model for running: see {@link io.configurableagents.core.model.Workflow}.
 *
 * @param name {@code flow.name}, trimmed, when it is valid
 * @param fields the state fields by name, in declaration order
 * @param nodesComplete whether every entry of {@code nodes} has an id; edges are checked against
 *     the node ids only then
 * @param edgesComplete whether every entry of {@code edges} could be read; graph checks that need
 *     the whole graph (reachability) run only then
 */
public record WorkflowDraft(
    String fileName,
    Optional<String> name,
    Optional<String> description,
    Optional<String> version,
    Map<String, FieldDraft> fields,
    List<NodeDraft> nodes,
    List<EdgeDraft> edges,
    boolean nodesComplete,
    boolean edgesComplete,
    List<FeatureUse> features,
    WorkflowConfig config,
    SourceMap sources) {

  public WorkflowDraft {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
    features = List.copyOf(features);
  }

  public Optional<FieldDraft> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** The declared field names, in declaration order. */
  public Set<String> fieldNames() {
    return fields.keySet();
  }

  /** The node ids in file order, each once. */
  public Set<String> nodeIds() {
    Set<String> ids = new LinkedHashSet<>();
    nodes.forEach(n -> ids.add(n.id()));
    return ids;
  }

  /** The first node with this id. */
  public Optional<NodeDraft> node(String id) {
    return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
  }

  /** The edges leaving {@code from}, in file order. */
  public List<EdgeDraft> edgesFrom(String from) {
    return edges.stream().filter(e -> e.from().equals(from)).toList();
  }

  /**
   * A state field as declared under {@code state.fields.<name>}.
   *
   * @param field the field, when its type and keys could be read
   * @param typeText the {@code type} string as written (empty when missing)
   */
  public record FieldDraft(String name, Optional<StateField> field, String typeText) {}

  /**
   * An entry of {@code nodes} that has an {@code id}.
   *
   * @param index the entry's index in {@code nodes}
   * @param prompt the prompt, when it parsed
   * @param inputs input mappings in file order; a value is empty when it did not parse
   * @param code the Python source of a code node
   * @param maxToolRounds the node's own {@code max_tool_rounds}
   */
  public record NodeDraft(
      int index,
      String id,
      Optional<Template> prompt,
      Map<String, Optional<Template>> inputs,
      List<String> outputs,
      Optional<OutputDraft> output,
      List<ToolSpec> tools,
      Optional<LlmSpec> llm,
      Optional<String> code,
      Optional<String> description,
      OptionalInt maxToolRounds) {

    public NodeDraft {
      inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
      outputs = List.copyOf(outputs);
      tools = List.copyOf(tools);
    }
  }

  /** A node's {@code output_schema}, type strings as written. */
  public record OutputDraft(String type, List<OutputFieldDraft> fields, Optional<String> description) {
    public OutputDraft {
      fields = List.copyOf(fields);
    }

    public boolean isObject() {
      return "object".equals(type.strip());
    }
  }

  /** One entry of {@code output_schema.fields}. */
  public record OutputFieldDraft(String name, String type, Optional<String> description) {}

  /** An entry of {@code edges} whose kind and targets could be read. */
  public record EdgeDraft(int index, String from, Target target) {}

  /**
   * A node reference made by an edge, with its path relative to the edge entry (for positions).
   */
  public record TargetRef(String node, List<Object> path) {
    public TargetRef {
      path = List.copyOf(path);
    }
  }

  /** What an edge leads to. As {@link EdgeSpec.Target}, with conditions that may not have parsed. */
  public sealed interface Target permits To, FanOut, When, Routes, Loop, Parallel {
    /** Every node (or END) this edge can lead to, with where it is named. */
    List<TargetRef> targets();
  }

  public record To(String node) implements Target {
    @Override
    public List<TargetRef> targets() {
      return List.of(new TargetRef(node, List.of("to")));
    }
  }

  public record FanOut(List<String> nodes) implements Target {
    public FanOut {
      nodes = List.copyOf(nodes);
    }

    @Override
    public List<TargetRef> targets() {
      List<TargetRef> refs = new ArrayList<>();
      for (int i = 0; i < nodes.size(); i++) {
        refs.add(new TargetRef(nodes.get(i), List.of("to", i)));
      }
      return refs;
    }
  }

  public record When(Optional<Condition> condition, String node) implements Target {
    @Override
    public List<TargetRef> targets() {
      return List.of(new TargetRef(node, List.of("to")));
    }
  }

  /**
   * The reference's {@code routes}.
   *
   * @param complete whether every route could be read (else {@code routes} holds the ones that could)
   */
  public record Routes(List<Route> routes, boolean complete) implements Target {
    public Routes {
      routes = List.copyOf(routes);
    }

    @Override
    public List<TargetRef> targets() {
      List<TargetRef> refs = new ArrayList<>();
      for (int i = 0; i < routes.size(); i++) {
        refs.add(new TargetRef(routes.get(i).to(), List.of("routes", i, "to")));
      }
      return refs;
    }
  }

  /** One route: {@code logic} as written (the route is the default when it is exactly {@code default}). */
  public record Route(String logic, Optional<Condition> condition, String to) {
    public boolean isDefault() {
      return "default".equals(logic);
    }
  }

  public record Loop(String conditionField, int maxIterations, String exitTo) implements Target {
    @Override
    public List<TargetRef> targets() {
      return List.of(new TargetRef(exitTo, List.of("loop", "exit_to")));
    }
  }

  public record Parallel(String itemsField, String targetNode, String collectField) implements Target {
    @Override
    public List<TargetRef> targets() {
      return List.of(new TargetRef(targetNode, List.of("parallel", "target_node")));
    }
  }

  /**
   * Something the file uses that this runtime accepts but does not (yet) execute.
   *
   * @param owner how messages name the node that uses it ({@code node "research"}), empty for
   *     workflow-level blocks
   */
  public record FeatureUse(Feature feature, String owner, List<Object> path) {
    public FeatureUse {
      path = List.copyOf(path);
    }
  }

  /** The features {@link FeatureUse} can name. */
  public enum Feature {
    MEMORY,
    CODE,
    OPTIMIZE,
    OPTIMIZATION,
    AB_TEST,
    GATES
  }
}
