package io.configurableagents.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.validate.Diagnostic;
import io.configurableagents.core.validate.ValidationReport;
import io.configurableagents.core.yaml.WorkflowLoader;
import io.configurableagents.deploy.ContainerNames;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A workflow as the page sends it, {@code {"fileName": "workflow.yaml", "text": "..."}}: the
 * name says YAML or JSON, as for a file. It is judged by workflow-core's loader and validator,
 * the same as {@code workflow:validate}.
 */
record WorkflowText(String fileName, String text) {
  /** The largest workflow the console takes. */
  static final int MAX_BYTES = 1024 * 1024;
  /** A request that carries a workflow: the text, JSON-escaped, and the rest. */
  static final int MAX_REQUEST_BYTES = 2 * MAX_BYTES + 64 * 1024;
  static final String LIMIT = "a workflow of at most 1 MB";

  WorkflowText {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(text, "text");
  }

  /** Reads {@code {"fileName", "text"}}; the name defaults to workflow.yaml, and only its last part counts. */
  static WorkflowText from(JsonBody body) {
    String text = body.text("text");
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      throw ConsoleProblem.tooLarge("The workflow is " + JsonBody.megabytes(bytes) + "; the console takes " + LIMIT
          + " (a workflow file is a few kilobytes: is this the right file?)");
    }
    String name = body.optionalText("fileName").map(WorkflowText::baseName).filter(n -> !n.isBlank())
        .orElse("workflow.yaml");
    return new WorkflowText(name, text);
  }

  private static String baseName(String name) {
    String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
    return base.length() > 100 ? base.substring(base.length() - 100) : base;
  }

  /** Every diagnostic, and the workflow when it has no error. */
  ValidationReport validate() {
    return WorkflowLoader.fromString(fileName, text).validate();
  }

  /** The report for the page: each diagnostic with its line, column, severity, message and hint. */
  static ObjectNode json(ValidationReport report) {
    ObjectNode body = Json.object();
    body.put("valid", !report.hasErrors());
    body.put("errors", report.errors().size());
    body.put("warnings", report.warnings().size());
    ArrayNode diagnostics = body.putArray("diagnostics");
    for (Diagnostic d : report.diagnostics()) {
      ObjectNode item = diagnostics.addObject()
          .put("line", d.location().line())
          .put("column", d.location().column())
          .put("severity", d.severity().label())
          .put("message", d.message())
          .put("text", d.toString());
      d.hint().ifPresent(h -> item.put("hint", h));
    }
    report.workflow().ifPresent(w -> body.set("workflow", workflowJson(w)));
    return body;
  }

  private static ObjectNode workflowJson(Workflow w) {
    ObjectNode json = Json.object()
        .put("name", w.name())
        .put("version", w.versionOrDefault())
        .put("defaultName", ContainerNames.sanitize(w.name()));
    ArrayNode required = json.putArray("requiredEnvironment");
    w.requiredEnvironment().forEach(required::add);
    return json;
  }
}
