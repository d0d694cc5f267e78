package io.configurableagents.core.yaml;

import io.configurableagents.core.model.SourceLocation;
import io.configurableagents.core.validate.Diagnostic;
import io.configurableagents.core.validate.SourceLines;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.SpecVersion;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads YAML with snakeyaml-engine's compose step (positions kept, label = file name), scalars
 * resolved as PyYAML does, into a {@link YamlNode} tree. Aliases are limited so that an alias bomb
 * fails fast; nesting is limited so that a deep file cannot overflow the stack.
 */
final class YamlTreeReader {
  /** Aliases to collections in one file; real workflows use a handful. */
  static final int MAX_COLLECTION_ALIASES = 100;

  private final String file;
  private final String text;
  private final SourceLines lines;

  YamlTreeReader(String file, String text, SourceLines lines) {
    this.file = file;
    this.text = text;
    this.lines = lines;
  }

  ReadResult read() {
    LoadSettings settings = settings();
    LimitedComposer composer =
        LimitedComposer.over(settings, new ParserImpl(settings, new StreamReader(settings, text)));
    try {
      Optional<Node> root = composer.getSingleNode();
      if (root.isEmpty()) {
        return new ReadResult(Optional.empty(), List.of());
      }
      return new NodeConverter(file, new ScalarSpans(lines)).convert(root.get());
    } catch (MarkedYamlEngineException e) {
      return ReadResult.failed(syntaxError(e));
    } catch (ReaderException e) {
      return ReadResult.failed(
          Diagnostic.error(
              lines.locationOfCodePoint(file, e.getPosition()),
              String.format("character U+%04X is not allowed in a YAML file", e.getCodePoint()),
              "remove it, or write it as an escape inside a double-quoted string"));
    } catch (LimitedComposer.NestingTooDeepException e) {
      return ReadResult.failed(
          Diagnostic.error(
              at(e.mark()),
              "nesting deeper than " + LimitedComposer.MAX_DEPTH + " levels",
              "a workflow needs far fewer; is this the right file?"));
    } catch (YamlEngineException e) {
      return ReadResult.failed(engineError(e, composer.lastMark()));
    }
  }

  /** Compose with positions (label = file name), PyYAML's scalars, and the limits. */
  private LoadSettings settings() {
    return LoadSettings.builder()
            .setLabel(file)
            .setSchema(new PyYamlResolver())
            .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
            .setAllowNonScalarKeys(true)
            .setAllowRecursiveKeys(false)
            .setCodePointLimit(SourceDecoder.MAX_BYTES)
            .setVersionFunction(YamlTreeReader::acceptYaml1)
            .build();
  }

  private Diagnostic syntaxError(MarkedYamlEngineException e) {
    Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
    String problem = Optional.ofNullable(e.getProblem()).orElse("invalid YAML");
    if (problem.contains("(TAB)")) {
      return Diagnostic.error(at(mark), "invalid YAML: a tab character where indentation or a value was expected",
          "indent with spaces; YAML does not allow tabs there");
    }
    String context = Optional.ofNullable(e.getContext()).orElse("");
    String message = "invalid YAML: " + problem + (context.isEmpty() ? "" : " (" + context + ")");
    Optional<Mark> opened = e.getContextMark().filter(c -> e.getProblemMark().map(p -> p.getLine() != c.getLine()).orElse(false));
    if (context.startsWith("while parsing a flow") && opened.isPresent()) {
      return Diagnostic.error(at(mark), message, "the " + (context.contains("mapping") ? "{" : "[") + " opened at "
          + at(opened).line() + ":" + at(opened).column() + " is not closed before this point");
    }
    if (context.startsWith("while parsing a flow")) {
      return Diagnostic.error(at(mark), message, "inside {...} and [...], quote values that contain [ ] { } or commas");
    }
    return opened.isPresent()
        ? Diagnostic.error(at(mark), message, "the construct started at line " + at(opened).line())
        : Diagnostic.error(at(mark), message);
  }

  private Diagnostic engineError(YamlEngineException e, Optional<Mark> last) {
    String message = Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
    if (message.startsWith("Number of aliases for non-scalar nodes exceeds")) {
      return Diagnostic.error(
          at(last),
          "more than " + MAX_COLLECTION_ALIASES + " aliases to lists or mappings (an alias bomb?)",
          "write the values out instead of using so many aliases");
    }
    if (e instanceof YamlVersionException) {
      return Diagnostic.error(at(last), "unsupported YAML version: " + message, "remove the %YAML directive");
    }
    return Diagnostic.error(at(last), "invalid YAML: " + message);
  }

  private SourceLocation at(Optional<Mark> mark) {
    return mark.map(m -> SourceLocation.of(file, m.getLine() + 1, m.getColumn() + 1))
        .orElse(SourceLocation.startOf(file));
  }

  private static SpecVersion acceptYaml1(SpecVersion version) {
    if (version.getMajor() != 1) {
      throw new YamlVersionException(version);
    }
    return version;
  }
}
