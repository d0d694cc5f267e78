package io.configurableagents.core.yaml;

import io.configurableagents.core.model.SourceLocation;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.validate.Diagnostic;
import io.configurableagents.core.validate.Diagnostics;
import io.configurableagents.core.validate.SourceLines;
import io.configurableagents.core.validate.ValidationReport;
import io.configurableagents.core.validate.WorkflowDefinitionException;
import io.configurableagents.core.validate.WorkflowDraft;
import io.configurableagents.core.validate.WorkflowValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The one entry point to read a workflow file (YAML or JSON by extension).
 *
 * <pre>
 * Workflow wf = WorkflowLoader.fromPath(path).load();        // or throws with every diagnostic
 * ValidationReport r = WorkflowLoader.fromPath(path).validate(); // for tools that print warnings
 * </pre>
 */
public final class WorkflowLoader {
  private final String fileName;
  private final Path path;
  private final byte[] content;

  private WorkflowLoader(String fileName, Path path, byte[] content) {
    this.fileName = fileName;
    this.path = path;
    this.content = content;
  }

  /** A file on disk; diagnostics name it as given. */
  public static WorkflowLoader fromPath(Path path) {
    return new WorkflowLoader(path.toString(), path, null);
  }

  /** A file on disk, named {@code displayName} in diagnostics (e.g. relative to the project). */
  public static WorkflowLoader fromPath(Path path, String displayName) {
    return new WorkflowLoader(displayName, path, null);
  }

  /** Content in memory; {@code fileName} decides YAML or JSON and appears in diagnostics. */
  public static WorkflowLoader fromBytes(String fileName, byte[] content) {
    return new WorkflowLoader(fileName, null, content.clone());
  }

  /** Content in memory, as text. */
  public static WorkflowLoader fromString(String fileName, String content) {
    return fromBytes(fileName, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Loads and validates; never throws for bad content: every problem is a diagnostic. */
  public ValidationReport validate() {
    Optional<Format> format = Format.of(fileName);
    if (format.isEmpty()) {
      return failed(Diagnostic.error(SourceLocation.startOf(fileName),
          "unsupported file extension: a workflow file is .yaml, .yml or .json", "rename the file"), "");
    }
    byte[] bytes;
    try {
      bytes = content != null ? content : Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return failed(Diagnostic.error(SourceLocation.startOf(fileName), "file not found"), "");
    } catch (IOException e) {
      return failed(Diagnostic.error(SourceLocation.startOf(fileName), "cannot read the file: " + e.getMessage()), "");
    }
    SourceDecoder.Decoded decoded = SourceDecoder.decode(fileName, bytes);
    if (decoded instanceof SourceDecoder.Refused refused) {
      return failed(refused.diagnostic(), "");
    }
    String text = ((SourceDecoder.Text) decoded).text();
    try {
      return check(format.get(), text);
    } catch (RuntimeException | StackOverflowError e) {
      return failed(Diagnostic.error(SourceLocation.startOf(fileName),
          "internal error while validating (" + e + ")", "please report this, with the file"), text);
    }
  }

  /**
   * Loads and validates.
   *
   * @throws WorkflowDefinitionException when the file has errors (warnings alone do not throw)
   */
  public Workflow load() {
    ValidationReport report = validate();
    if (report.hasErrors()) {
      throw new WorkflowDefinitionException(report);
    }
    return report.workflow().orElseThrow();
  }

  private ValidationReport check(Format format, String text) {
    SourceLines lines = SourceLines.of(text);
    ReadResult read = format == Format.JSON
        ? new JsonTreeReader(fileName, text, new ScalarSpans(lines)).read()
        : new YamlTreeReader(fileName, text, lines).read();
    Diagnostics out = new Diagnostics();
    out.addAll(read.diagnostics());
    if (read.root().isEmpty()) {
      if (read.diagnostics().isEmpty()) {
        out.error(SourceLocation.startOf(fileName), "the file is empty",
            "a workflow needs schema_version: \"1.0\", flow, state, nodes and edges");
      }
      return new ValidationReport(out.sorted(), Optional.empty(), text);
    }
    Optional<WorkflowDraft> draft = new WorkflowBinder(fileName, out).bind(read.root().get());
    draft.ifPresent(d -> out.addAll(WorkflowValidator.validate(d)));
    Optional<Workflow> workflow = out.hasErrors() ? Optional.empty() : draft.map(WorkflowAssembler::assemble);
    return new ValidationReport(out.sorted(), workflow, text);
  }

  private ValidationReport failed(Diagnostic diagnostic, String text) {
    return new ValidationReport(java.util.List.of(diagnostic), Optional.empty(), text);
  }

  /** How the file is parsed, decided by its extension (case ignored), as the reference does. */
  private enum Format {
    YAML,
    JSON;

    static Optional<Format> of(String fileName) {
      String lower = fileName.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
        return Optional.of(YAML);
      }
      return lower.endsWith(".json") ? Optional.of(JSON) : Optional.empty();
    }
  }
}
