package io.configurableagents.core.yaml;

import io.configurableagents.core.expr.Condition;
import io.configurableagents.core.validate.Diagnostics;
import io.configurableagents.core.validate.WorkflowDraft.EdgeDraft;
import io.configurableagents.core.validate.WorkflowDraft.FanOut;
import io.configurableagents.core.validate.WorkflowDraft.Loop;
import io.configurableagents.core.validate.WorkflowDraft.Parallel;
import io.configurableagents.core.validate.WorkflowDraft.Route;
import io.configurableagents.core.validate.WorkflowDraft.Routes;
import io.configurableagents.core.validate.WorkflowDraft.Target;
import io.configurableagents.core.validate.WorkflowDraft.To;
import io.configurableagents.core.validate.WorkflowDraft.When;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one entry of {@code edges} (docs/workflow-format.md, "Edges"): {@code from} (or {@code from_})
 * and exactly one of {@code to} (a name, or a list for fan-out; with an optional
 * {@code condition}), {@code routes}, {@code loop}, {@code parallel}.
 */
final class EdgeBinder {
  private static final List<String> KINDS = List.of("to", "routes", "loop", "parallel");

  private final Diagnostics out;

  EdgeBinder(Diagnostics out) {
    this.out = out;
  }

  Optional<EdgeDraft> bind(YamlNode node, int index) {
    String context = "edges[" + index + "]";
    Optional<MapReader> reader = MapReader.of(node, List.of("edges", index), context, Keys.EDGE, out);
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader r = reader.get();
    Optional<String> from = from(r);
    Optional<String> kind = kind(r);
    if (r.has("condition") && kind.isPresent() && !kind.get().equals("to")) {
      out.error(r.mapping().entry("condition").get().key().at(), context + ": condition goes with to, not with " + kind.get(),
          kind.get().equals("routes") ? "put the condition inside the route: {condition: {logic: ...}, to: ...}" : "remove it");
    }
    Optional<Target> target = kind.flatMap(k -> switch (k) {
      case "to" -> to(r);
      case "routes" -> routes(r);
      case "loop" -> loop(r);
      default -> parallel(r);
    });
    return from.flatMap(f -> target.map(t -> new EdgeDraft(index, f, t)));
  }

  /** Whether the whole target was read: routes are kept when some route had errors, to check the others. */
  static boolean complete(Target target) {
    return !(target instanceof Routes r) || r.complete();
  }

  private Optional<String> from(MapReader r) {
    if (r.has("from") && r.has("from_")) {
      out.error(r.mapping().entry("from_").get().key().at(), r.context() + ": both from and from_ given", "from_ is another spelling of from; keep one");
    }
    return r.has("from") || !r.has("from_") ? r.requiredString("from") : r.requiredString("from_");
  }

  private Optional<String> kind(MapReader r) {
    List<String> present = new ArrayList<>();
    for (String k : KINDS) {
      boolean emptyRoutes = k.equals("routes") && r.node(k).filter(v -> v instanceof YamlNode.Sequence s && s.items().isEmpty()).isPresent();
      if (r.node(k).isPresent() && !emptyRoutes) {
        present.add(k);
      }
    }
    if (present.isEmpty()) {
      out.error(r.at(), r.context() + " needs one of to, routes, loop or parallel",
          r.has("routes") ? "routes is empty; add at least one route and a default" : "add to: <node id> or to: END");
      return Optional.empty();
    }
    if (present.size() > 1) {
      out.error(r.mapping().entry(present.get(1)).get().key().at(),
          r.context() + " has both " + present.get(0) + " and " + present.get(1) + "; an edge has exactly one of to, routes, loop, parallel",
          "write a separate edge for each");
      return Optional.empty();
    }
    return Optional.of(present.get(0));
  }

  private Optional<Target> to(MapReader r) {
    YamlNode value = r.node("to").get();
    if (value instanceof YamlNode.Sequence list) {
      if (r.has("condition")) {
        out.error(r.mapping().entry("condition").get().key().at(), r.context() + ": a condition needs a single to, not a list",
            "write one conditional edge per target");
      }
      if (list.items().isEmpty()) {
        out.error(list.at(), r.context() + ": to is an empty list", "name at least one node");
        return Optional.empty();
      }
      List<String> names = new ArrayList<>();
      for (YamlNode item : list.items()) {
        r.stringScalar("to entry", item).ifPresent(s -> names.add(s.text()));
      }
      return names.size() == list.items().size() ? Optional.of(new FanOut(names)) : Optional.empty();
    }
    Optional<String> to = r.stringScalar("to", value).map(YamlNode.Scalar::text);
    if (!r.has("condition")) {
      return to.map(To::new);
    }
    Optional<Condition> condition = r.node("condition").flatMap(c -> {
      if (c instanceof YamlNode.Mapping) {
        out.error(c.at(), r.context() + ": an edge's condition is a string", "write condition: \"state.x > 1\" (the {logic: ...} form belongs inside routes)");
        return Optional.empty();
      }
      return r.stringScalar("condition", c).flatMap(s -> Expressions.condition(s, "condition of " + r.context(), out));
    });
    return to.map(t -> new When(condition, t));
  }

  private Optional<Target> routes(MapReader r) {
    YamlNode value = r.node("routes").get();
    if (!(value instanceof YamlNode.Sequence list)) {
      out.error(value.at(), r.context() + ": routes must be a list of {condition: {logic: ...}, to: ...}, not " + value.describe());
      return Optional.empty();
    }
    List<Route> routes = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      route(list.items().get(i), r.path("routes", i), r.context() + " routes[" + i + "]").ifPresent(routes::add);
    }
    return Optional.of(new Routes(routes, routes.size() == list.items().size()));
  }

  private Optional<Route> route(YamlNode node, List<Object> path, String context) {
    return MapReader.of(node, path, context, Keys.ROUTE, out).flatMap(r -> {
      Optional<String> to = r.requiredString("to");
      Optional<YamlNode> condition = r.required("condition");
      if (condition.isPresent() && !(condition.get() instanceof YamlNode.Mapping)) {
        String text = condition.get() instanceof YamlNode.Scalar s ? s.text() : "...";
        out.error(condition.get().at(), context + ": condition must be a mapping with logic", "write condition: {logic: \"" + text + "\"}");
        return Optional.empty();
      }
      Optional<YamlNode.Scalar> logic = r.map("condition", context + " condition", Keys.ROUTE_CONDITION)
          .flatMap(c -> c.required("logic").flatMap(l -> c.stringScalar("logic", l)));
      if (logic.isEmpty() || to.isEmpty()) {
        return Optional.empty();
      }
      String text = logic.get().text();
      Optional<Condition> parsed = Expressions.condition(logic.get(), "condition of " + context, out);
      return Optional.of(new Route(text, parsed, to.get()));
    });
  }

  private Optional<Target> loop(MapReader r) {
    return r.map("loop", r.context() + " loop", Keys.LOOP).flatMap(l -> {
      Optional<String> field = l.requiredString("condition_field");
      long max = l.integer("max_iterations", 1, 100).orElse(10L);
      String exitTo = l.string("exit_to").orElse("END");
      return field.map(f -> new Loop(f, (int) max, exitTo));
    });
  }

  private Optional<Target> parallel(MapReader r) {
    return r.map("parallel", r.context() + " parallel", Keys.PARALLEL).flatMap(p -> {
      Optional<String> items = p.requiredString("items_field");
      Optional<String> target = p.requiredString("target_node");
      Optional<String> collect = p.requiredString("collect_field");
      if (items.isEmpty() || target.isEmpty() || collect.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Parallel(items.get(), target.get(), collect.get()));
    });
  }
}
