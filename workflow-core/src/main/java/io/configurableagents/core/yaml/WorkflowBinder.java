package io.configurableagents.core.yaml;

import io.configurableagents.core.model.WorkflowConfig;
import io.configurableagents.core.validate.Diagnostics;
import io.configurableagents.core.validate.SourceMap;
import io.configurableagents.core.validate.WorkflowDraft;
import io.configurableagents.core.validate.WorkflowDraft.EdgeDraft;
import io.configurableagents.core.validate.WorkflowDraft.FeatureUse;
import io.configurableagents.core.validate.WorkflowDraft.FieldDraft;
import io.configurableagents.core.validate.WorkflowDraft.NodeDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the whole tree into a {@link WorkflowDraft}, reporting every problem that one part of the
 * file shows on its own: unknown keys, missing keys, wrong kinds of values, ranges, names, type
 * strings, templates and conditions that do not parse.
 */
final class WorkflowBinder {
  static final String SCHEMA_VERSION = "1.0";

  private final String file;
  private final Diagnostics out;
  private final List<FeatureUse> features = new ArrayList<>();

  WorkflowBinder(String file, Diagnostics out) {
    this.file = file;
    this.out = out;
  }

  Optional<WorkflowDraft> bind(YamlNode root) {
    if (!(root instanceof YamlNode.Mapping)) {
      out.error(root.at(), "a workflow file must be a mapping with schema_version, flow, state, nodes and edges, not "
          + root.describe());
      return Optional.empty();
    }
    MapReader r = MapReader.of(root, List.of(), "top level", Keys.TOP, out).orElseThrow();
    schemaVersion(r);
    Optional<MapReader> flow = r.required("flow").flatMap(f -> MapReader.of(f, List.of("flow"), "flow", Keys.FLOW, out));
    Optional<String> name = flow.flatMap(this::flowName);
    Optional<String> description = flow.flatMap(f -> f.string("description"));
    Optional<String> version = flow.flatMap(f -> f.string("version"));
    Map<String, FieldDraft> fields = r.required("state").map(s -> new StateBinder(out).bind(s)).orElse(Map.of());
    List<NodeDraft> nodes = nodes(r);
    boolean nodesComplete = r.node("nodes").filter(n -> n instanceof YamlNode.Sequence s && s.items().size() == nodes.size()).isPresent();
    List<EdgeDraft> edges = new ArrayList<>();
    boolean edgesComplete = edges(r, edges);
    ConfigBinder config = new ConfigBinder(out, features);
    config.optimization(r.node("optimization"));
    config.memory(r.node("memory"));
    WorkflowConfig workflowConfig = config.bind(r.node("config"));
    SourceMap sources = new TreeSourceMap(root);
    return Optional.of(new WorkflowDraft(file, name, description, version, fields, nodes, edges, nodesComplete, edgesComplete,
        features, workflowConfig, sources));
  }

  private void schemaVersion(MapReader r) {
    Optional<YamlNode> value = r.required("schema_version");
    if (value.isEmpty()) {
      if (r.has("name") && !r.has("flow")) {
        out.warning(r.at(), "this looks like the older, non-1.0 format (name at the top level, no flow)",
            "see docs/workflow-format.md for the schema_version \"1.0\" layout");
      }
      return;
    }
    if (value.get() instanceof YamlNode.Scalar s && !s.isString() && SCHEMA_VERSION.equals(normalNumber(s))) {
      out.error(s.at(), "schema_version must be the string \"1.0\", not " + s.describe(), "quote it: schema_version: \"1.0\"");
      return;
    }
    r.stringScalar("schema_version", value.get()).filter(s -> !s.text().equals(SCHEMA_VERSION)).ifPresent(s ->
        out.error(s.at(), "unsupported schema_version \"" + s.text() + "\"", "this runtime reads schema_version: \"1.0\""));
  }

  private static String normalNumber(YamlNode.Scalar s) {
    return s.value().filter(Number.class::isInstance).map(n -> String.valueOf(((Number) n).doubleValue())).orElse("");
  }

  private Optional<String> flowName(MapReader flow) {
    return flow.requiredString("name").map(String::strip).filter(n -> {
      if (n.isEmpty()) {
        out.error(flow.node("name").get().at(), "flow: name must not be empty");
      }
      return !n.isEmpty();
    });
  }

  private List<NodeDraft> nodes(MapReader r) {
    List<NodeDraft> nodes = new ArrayList<>();
    nonEmptyList(r, "nodes", "at least one node").ifPresent(list -> {
      NodeBinder binder = new NodeBinder(out, features);
      for (int i = 0; i < list.items().size(); i++) {
        binder.bind(list.items().get(i), i).ifPresent(nodes::add);
      }
    });
    return nodes;
  }

  /** Reads {@code edges} into {@code edges}; true when every entry could be read. */
  private boolean edges(MapReader r, List<EdgeDraft> edges) {
    Optional<YamlNode.Sequence> list = nonEmptyList(r, "edges", "at least one edge, from START");
    if (list.isEmpty()) {
      return false;
    }
    EdgeBinder binder = new EdgeBinder(out);
    for (int i = 0; i < list.get().items().size(); i++) {
      binder.bind(list.get().items().get(i), i).ifPresent(edges::add);
    }
    return edges.size() == list.get().items().size() && edges.stream().allMatch(e -> EdgeBinder.complete(e.target()));
  }

  private Optional<YamlNode.Sequence> nonEmptyList(MapReader r, String key, String need) {
    Optional<YamlNode> value = r.required(key);
    Optional<YamlNode.Sequence> list = value.flatMap(v -> r.list(key));
    list.filter(l -> l.items().isEmpty()).ifPresent(l -> out.error(l.at(), key + " is empty; a workflow needs " + need));
    return list.filter(l -> !l.items().isEmpty());
  }
}
