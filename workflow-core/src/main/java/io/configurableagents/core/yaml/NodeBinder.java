package io.configurableagents.core.yaml;

import io.configurableagents.core.expr.Template;
import io.configurableagents.core.model.BuiltInTool;
import io.configurableagents.core.model.EdgeSpec;
import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.core.model.ToolSpec;
import io.configurableagents.core.validate.Diagnostics;
import io.configurableagents.core.validate.WorkflowDraft.Feature;
import io.configurableagents.core.validate.WorkflowDraft.FeatureUse;
import io.configurableagents.core.validate.WorkflowDraft.NodeDraft;
import io.configurableagents.core.validate.WorkflowDraft.OutputDraft;
import io.configurableagents.core.validate.WorkflowDraft.OutputFieldDraft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads one entry of {@code nodes} (docs/workflow-format.md, "Nodes"; docs/tools.md). */
final class NodeBinder {
  /** The largest {@code max_tool_rounds}, node-level or in {@code config.execution}. */
  static final long MAX_TOOL_ROUNDS = 100;

  private final Diagnostics out;
  private final List<FeatureUse> features;

  NodeBinder(Diagnostics out, List<FeatureUse> features) {
    this.out = out;
    this.features = features;
  }

  Optional<NodeDraft> bind(YamlNode node, int index) {
    List<Object> path = List.of("nodes", index);
    if (!(node instanceof YamlNode.Mapping m)) {
      out.error(node.at(), "nodes[" + index + "] must be a mapping with id, prompt, outputs and output_schema, not " + node.describe());
      return Optional.empty();
    }
    String context = m.get("id").filter(v -> v instanceof YamlNode.Scalar s && s.isString())
        .map(v -> "node \"" + ((YamlNode.Scalar) v).text() + "\"").orElse("nodes[" + index + "]");
    MapReader r = MapReader.of(node, path, context, Keys.NODE, out).orElseThrow();
    Optional<String> id = r.requiredString("id");
    id.ifPresent(i -> checkId(i, r));
    Optional<Template> prompt = r.required("prompt").flatMap(v -> r.stringScalar("prompt", v))
        .flatMap(s -> Expressions.template(s, "prompt of " + context, out));
    Map<String, Optional<Template>> inputs = inputs(r, context);
    List<String> outputs = outputs(r);
    Optional<OutputDraft> output = r.required("output_schema").flatMap(v -> outputSchema(v, r.path("output_schema"), context));
    List<ToolSpec> tools = tools(r, context);
    Optional<LlmSpec> llm = r.node("llm").flatMap(v -> LlmBinder.bind(v, r.path("llm"), context + " llm", out));
    Optional<String> code = r.string("code");
    Optional<String> description = r.string("description");
    OptionalInt maxToolRounds = r.integer("max_tool_rounds", 1, MAX_TOOL_ROUNDS)
        .map(n -> OptionalInt.of(n.intValue())).orElse(OptionalInt.empty());
    sideBlocks(r, context);
    if (code.isPresent()) {
      features.add(new FeatureUse(Feature.CODE, context, r.path("code")));
    }
    return id.map(i -> new NodeDraft(index, i, prompt, inputs, outputs, output, tools, llm, code, description, maxToolRounds));
  }

  private void checkId(String id, MapReader r) {
    var at = r.node("id").get().at();
    if (id.equals(EdgeSpec.START) || id.equals(EdgeSpec.END)) {
      out.error(at, "node id \"" + id + "\" is reserved for the graph's " + (id.equals("START") ? "entry" : "exit"), "choose another id");
    } else if (!Identifiers.isIdentifier(id)) {
      out.error(at, "node id \"" + id + "\" is not a valid identifier", "use letters, digits and _ only, not starting with a digit");
    }
  }

  private Map<String, Optional<Template>> inputs(MapReader r, String context) {
    Map<String, Optional<Template>> inputs = new LinkedHashMap<>();
    r.node("inputs").ifPresent(v -> {
      if (!(v instanceof YamlNode.Mapping m)) {
        out.error(v.at(), context + ": inputs must be a mapping of name to template, not " + v.describe());
        return;
      }
      for (YamlNode.Entry e : m.entries()) {
        String name = e.key().text();
        if (!e.key().isString()) {
          out.error(e.key().at(), context + ": input name must be a string, not " + e.key().describe(), "quote it: \"" + name + "\":");
        }
        Optional<Template> template = r.stringScalar("inputs." + name, e.value())
            .flatMap(s -> Expressions.template(s, "input \"" + name + "\" of " + context, out));
        inputs.put(name, template);
      }
    });
    return inputs;
  }

  private List<String> outputs(MapReader r) {
    List<String> outputs = new ArrayList<>();
    r.required("outputs").ifPresent(v -> {
      if (!(v instanceof YamlNode.Sequence s)) {
        out.error(v.at(), r.context() + ": outputs must be a list of state field names, not " + v.describe(), "write outputs: [" + (v instanceof YamlNode.Scalar sc ? sc.text() : "field") + "]");
        return;
      }
      if (s.items().isEmpty()) {
        out.error(s.at(), r.context() + ": outputs must name at least one state field");
      }
      for (YamlNode item : s.items()) {
        r.stringScalar("outputs entry", item).ifPresent(sc -> outputs.add(sc.text()));
      }
    });
    return outputs;
  }

  private Optional<OutputDraft> outputSchema(YamlNode node, List<Object> path, String context) {
    String ctx = "output_schema of " + context;
    return MapReader.of(node, path, ctx, Keys.OUTPUT_SCHEMA, out).flatMap(r -> {
      Optional<String> type = r.requiredString("type");
      Optional<String> description = r.string("description");
      boolean object = type.map(t -> t.strip().equals("object")).orElse(false);
      List<OutputFieldDraft> fields = new ArrayList<>();
      Optional<YamlNode.Sequence> list = r.list("fields");
      if (object && list.map(l -> l.items().isEmpty()).orElse(true)) {
        out.error(r.node("fields").map(YamlNode::at).orElse(r.at()), ctx + ": type object needs a non-empty list of fields", "add fields: [{name: ..., type: ...}], one per output");
      } else if (!object && list.isPresent() && type.isPresent()) {
        out.warning(r.mapping().entry("fields").get().key().at(), ctx + ": fields are ignored because the type is not object");
      }
      list.ifPresent(l -> {
        for (int i = 0; i < l.items().size(); i++) {
          outputField(l.items().get(i), r.path("fields", i), ctx).ifPresent(fields::add);
        }
      });
      return type.map(t -> new OutputDraft(t, fields, description));
    });
  }

  private Optional<OutputFieldDraft> outputField(YamlNode node, List<Object> path, String context) {
    if (node instanceof YamlNode.Mapping m && m.entry("schema").isPresent()) {
      out.warning(m.entry("schema").get().key().at(), context + ": an output field's schema is ignored",
          "the node's output takes the nested schema of the state field it writes");
    }
    java.util.Set<String> known = new java.util.LinkedHashSet<>(Keys.OUTPUT_FIELD);
    known.add("schema");
    return MapReader.of(node, path, context + " field", known, out).flatMap(r -> {
      Optional<String> name = r.requiredString("name");
      Optional<String> type = r.requiredString("type");
      Optional<String> description = r.string("description");
      return name.flatMap(n -> type.map(t -> new OutputFieldDraft(n, t, description)));
    });
  }

  private List<ToolSpec> tools(MapReader r, String context) {
    List<ToolSpec> tools = new ArrayList<>();
    r.list("tools").ifPresent(list -> {
      for (int i = 0; i < list.items().size(); i++) {
        YamlNode item = list.items().get(i);
        if (item instanceof YamlNode.Scalar s) {
          r.stringScalar("tools entry", s).ifPresent(sc -> tools.add(new ToolSpec(sc.text(), "fail", Map.of(), sc.at())));
        } else {
          MapReader.of(item, r.path("tools", i), "tool of " + context, Keys.TOOL, out).ifPresent(t -> {
            Optional<String> onError = t.oneOf("on_error", List.of("fail", "continue"), false);
            Optional<String> name = t.requiredString("name");
            Map<String, Object> config = t.node("config").map(JsonValues::of)
                .filter(Map.class::isInstance).map(NodeBinder::stringMap).orElse(Map.of());
            t.node("config").filter(c -> !(c instanceof YamlNode.Mapping))
                .ifPresent(c -> out.error(c.at(), "tool of " + context + ": config must be a mapping, not " + c.describe()));
            name.flatMap(BuiltInTool::fromId).ifPresent(tool -> toolConfig(t, tool, context));
            name.ifPresent(n -> tools.add(new ToolSpec(n, onError.orElse("fail"), config, t.node("name").get().at())));
          });
        }
      }
    });
    return tools;
  }

  /** The keys of a known tool's {@code config} and their values (docs/tools.md); unknown keys are warnings. */
  private static void toolConfig(MapReader tool, BuiltInTool builtIn, String context) {
    if (!(tool.node("config").orElse(null) instanceof YamlNode.Mapping)) {
      return;
    }
    tool.map("config", "config of tool \"" + builtIn.id() + "\" of " + context, builtIn.configKeys()).ifPresent(c -> {
      c.integer("timeout", 1, 600);
      c.integer("max_result_chars", 100, 1_000_000);
      c.integer("num_results", 1, 100);
      c.oneOf("provider", List.of("serper", "tavily"), false);
      c.string("url");
      c.integer("max_rows", 1, 100_000);
    });
  }

  /** Keys the runtime accepts and checks, but does not act on (memory, sandbox, optimize...). */
  private void sideBlocks(MapReader r, String context) {
    r.map("memory", context + " memory", Keys.MEMORY).ifPresent(m -> {
      m.oneOf("default_scope", List.of("agent", "workflow", "node"), false);
      if (m.bool("enabled").orElse(false)) {
        features.add(new FeatureUse(Feature.MEMORY, context, r.path("memory")));
      }
    });
    r.map("sandbox", context + " sandbox", Keys.SANDBOX).ifPresent(s -> {
      s.oneOf("mode", List.of("python", "docker"), false);
      s.bool("enabled");
      s.oneOf("preset", List.of("low", "medium", "high", "max"), false);
      s.integer("timeout", 1, 3600);
      s.node("network").filter(n -> !(n instanceof YamlNode.Mapping)).ifPresent(n -> s.bool("network"));
      s.node("resources").filter(n -> !(n instanceof YamlNode.Mapping))
          .ifPresent(n -> out.error(n.at(), context + " sandbox: resources must be a mapping, not " + n.describe()));
    });
    r.map("optimize", context + " optimize", Keys.OPTIMIZE).ifPresent(o -> {
      o.string("metric");
      o.string("strategy");
      o.integer("max_demos", 1, Long.MAX_VALUE);
      if (o.bool("enabled").orElse(false)) {
        features.add(new FeatureUse(Feature.OPTIMIZE, context, r.path("optimize")));
      }
    });
    r.bool("log_prompts");
    r.bool("log_artifacts");
    r.map("mlflow", context + " mlflow", Keys.NODE_MLFLOW).ifPresent(m -> {
      m.string("experiment");
      m.string("run_name");
    });
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> stringMap(Object map) {
    return (Map<String, Object>) map;
  }
}
