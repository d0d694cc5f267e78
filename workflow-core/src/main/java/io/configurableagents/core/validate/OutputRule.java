package io.configurableagents.core.validate;

import io.configurableagents.core.validate.WorkflowDraft.FieldDraft;
import io.configurableagents.core.validate.WorkflowDraft.NodeDraft;
import io.configurableagents.core.validate.WorkflowDraft.OutputDraft;
import io.configurableagents.core.validate.WorkflowDraft.OutputFieldDraft;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A node's {@code outputs} against the state and its {@code output_schema} (docs/workflow-format.md,
 * "Outputs"): every output is a state field; an object schema has exactly the outputs as fields; a simple
 * schema has one output; each output's type equals the state field's type (compared with
 * whitespace removed, so {@code dict[str,int]} matches {@code dict[str, int]}).
 */
final class OutputRule implements Rule {
  @Override
  public void check(WorkflowDraft draft, Diagnostics out) {
    for (NodeDraft node : draft.nodes()) {
      checkOutputs(draft, node, out);
      node.output().ifPresent(o -> checkSchema(draft, node, o, out));
    }
  }

  private static void checkOutputs(WorkflowDraft draft, NodeDraft node, Diagnostics out) {
    Set<String> seen = new HashSet<>();
    for (int k = 0; k < node.outputs().size(); k++) {
      String output = node.outputs().get(k);
      if (draft.field(output).isEmpty()) {
        out.error(draft.sources().value("nodes", node.index(), "outputs", k),
            context(node) + ": output \"" + output + "\" is not a state field", DidYouMean.hint(output, draft.fieldNames()));
      } else if (!seen.add(output)) {
        out.warning(draft.sources().value("nodes", node.index(), "outputs", k), context(node) + ": output \"" + output + "\" is listed twice");
      }
    }
  }

  private static void checkSchema(WorkflowDraft draft, NodeDraft node, OutputDraft schema, Diagnostics out) {
    if (schema.isObject()) {
      checkObjectFields(draft, node, schema.fields(), out);
    } else if (node.outputs().size() != 1 && !node.outputs().isEmpty()) {
      out.error(draft.sources().value("nodes", node.index(), "outputs"),
          context(node) + ": output_schema of type " + schema.type() + " writes exactly one output, but outputs lists " + node.outputs().size(),
          "use output_schema type: object with one field per output");
    } else if (node.outputs().size() == 1) {
      checkType(draft, node, node.outputs().get(0), schema.type(), new Object[] {"nodes", node.index(), "output_schema", "type"}, out);
    }
  }

  private static void checkObjectFields(WorkflowDraft draft, NodeDraft node, List<OutputFieldDraft> fields, Diagnostics out) {
    Set<String> names = new HashSet<>();
    fields.forEach(f -> names.add(f.name()));
    for (int k = 0; k < node.outputs().size(); k++) {
      String output = node.outputs().get(k);
      if (!names.contains(output)) {
        out.error(draft.sources().value("nodes", node.index(), "outputs", k),
            context(node) + ": output \"" + output + "\" has no field in output_schema", "add {name: " + output + ", type: ...} to output_schema.fields");
      }
    }
    for (int k = 0; k < fields.size(); k++) {
      OutputFieldDraft field = fields.get(k);
      Object[] path = {"nodes", node.index(), "output_schema", "fields", k};
      if (!node.outputs().contains(field.name())) {
        out.error(draft.sources().value(append(path, "name")),
            context(node) + ": output_schema field \"" + field.name() + "\" is not listed in outputs", "add it to outputs, or remove the field");
      } else {
        checkType(draft, node, field.name(), field.type(), append(path, "type"), out);
      }
    }
  }

  private static void checkType(WorkflowDraft draft, NodeDraft node, String output, String type, Object[] path, Diagnostics out) {
    Optional<FieldDraft> field = draft.field(output).filter(f -> !f.typeText().isEmpty());
    if (field.isPresent() && !normal(type).equals(normal(field.get().typeText()))) {
      out.error(draft.sources().value(path),
          context(node) + ": output \"" + output + "\" has type \"" + type + "\" but state field \"" + output + "\" is \"" + field.get().typeText() + "\"",
          "make the two types the same");
    }
  }

  private static String normal(String type) {
    return type.replaceAll("\\s+", "");
  }

  private static Object[] append(Object[] path, Object segment) {
    Object[] longer = java.util.Arrays.copyOf(path, path.length + 1);
    longer[path.length] = segment;
    return longer;
  }

  static String context(NodeDraft node) {
    return "node \"" + node.id() + "\"";
  }
}
