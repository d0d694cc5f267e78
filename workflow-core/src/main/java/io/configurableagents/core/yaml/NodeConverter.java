package io.configurableagents.core.yaml;

import io.configurableagents.core.model.SourceLocation;
import io.configurableagents.core.validate.Diagnostic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Converts snakeyaml's composed nodes into {@link YamlNode}s: scalar values constructed as
 * PyYAML's safe loader does, duplicate keys reported, unsupported tags reported, aliased subtrees
 * shared (and their expansion bounded), recursive aliases refused.
 */
final class NodeConverter {
  /**
   * Values that aliases may repeat in one file, in all. Collections and anchored scalars are
   * remembered (an alias or merge key reaches only those), so a repeated subtree is converted once.
   */
  static final long MAX_ALIAS_EXPANSION = 1_000_000;

  private final String file;
  private final ScalarSpans spans;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Map<Node, Converted> done = new IdentityHashMap<>();
  private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
  private long expanded;

  NodeConverter(String file, ScalarSpans spans) {
    this.file = file;
    this.spans = spans;
  }

  private record Converted(YamlNode node, long size) {}

  ReadResult convert(Node root) {
    try {
      return new ReadResult(Optional.of(node(root).node()), diagnostics);
    } catch (Abort abort) {
      diagnostics.add(abort.diagnostic);
      return new ReadResult(Optional.empty(), diagnostics);
    }
  }

  private Converted node(Node n) {
    if (n instanceof ScalarNode s && s.getAnchor().isEmpty()) {
      return new Converted(scalar(s), 1);
    }
    Converted seen = done.get(n);
    if (seen != null) {
      expanded += seen.size();
      if (expanded > MAX_ALIAS_EXPANSION) {
        throw new Abort(
            Diagnostic.error(
                at(n),
                "aliases expand this document to more than " + MAX_ALIAS_EXPANSION + " values (an alias bomb?)",
                "write the values out instead of repeating them through aliases"));
      }
      return seen;
    }
    if (!inProgress.add(n)) {
      throw new Abort(Diagnostic.error(at(n), "recursive alias: a value contains itself", "remove the alias"));
    }
    Converted converted;
    if (n instanceof MappingNode m) {
      converted = mapping(m);
    } else if (n instanceof SequenceNode s) {
      converted = sequence(s);
    } else {
      converted = new Converted(scalar((ScalarNode) n), 1);
    }
    inProgress.remove(n);
    done.put(n, converted);
    return converted;
  }

  private Converted mapping(MappingNode m) {
    checkCollectionTag(m, Tag.MAP);
    List<YamlNode.Entry> entries = new ArrayList<>();
    Map<String, SourceLocation> firstAt = new HashMap<>();
    long size = 1;
    for (NodeTuple tuple : m.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
        diagnostics.add(
            Diagnostic.error(at(tuple.getKeyNode()), "a key must be a name, not a list or mapping"));
        continue;
      }
      YamlNode.Scalar key = scalar(keyNode);
      SourceLocation first = firstAt.putIfAbsent(key.text(), key.at());
      if (first != null) {
        diagnostics.add(
            Diagnostic.error(
                key.at(),
                "duplicate key \"" + key.text() + "\" (first at line " + first.line() + ")",
                "remove one of them: YAML would silently keep only one"));
        continue;
      }
      Converted value = node(tuple.getValueNode());
      size = saturatedAdd(size, value.size() + 1);
      entries.add(new YamlNode.Entry(key, value.node()));
    }
    return new Converted(new YamlNode.Mapping(entries, at(m)), size);
  }

  private Converted sequence(SequenceNode s) {
    checkCollectionTag(s, Tag.SEQ);
    List<YamlNode> items = new ArrayList<>(s.getValue().size());
    long size = 1;
    for (Node item : s.getValue()) {
      Converted value = node(item);
      size = saturatedAdd(size, value.size());
      items.add(value.node());
    }
    return new Converted(new YamlNode.Sequence(items, at(s)), size);
  }

  private YamlNode.Scalar scalar(ScalarNode s) {
    String text = s.getValue();
    SourceLocation start = at(s);
    var span = spans.of(style(s), text, start);
    Tag tag = s.getTag();
    YamlNode.Kind kind = kindOf(tag);
    Optional<Object> value =
        switch (kind) {
          case NULL -> Optional.empty();
          case BOOL -> ScalarValues.bool(text);
          case INT -> ScalarValues.integer(text);
          case FLOAT -> ScalarValues.decimal(text);
          case TIMESTAMP, STRING -> Optional.of(text);
        };
    if (kind == YamlNode.Kind.STRING && !tag.equals(Tag.STR) && !tag.equals(Tag.MERGE)) {
      unsupportedTag(start, tag);
    } else if (kind != YamlNode.Kind.NULL && value.isEmpty()) {
      diagnostics.add(Diagnostic.error(start, "\"" + text + "\" is not a valid " + tagName(tag)));
      return new YamlNode.Scalar(YamlNode.Kind.STRING, Optional.of(text), text, span);
    }
    return new YamlNode.Scalar(kind, value, text, span);
  }

  private static YamlNode.Kind kindOf(Tag tag) {
    if (tag.equals(Tag.NULL)) {
      return YamlNode.Kind.NULL;
    } else if (tag.equals(Tag.BOOL)) {
      return YamlNode.Kind.BOOL;
    } else if (tag.equals(Tag.INT)) {
      return YamlNode.Kind.INT;
    } else if (tag.equals(Tag.FLOAT)) {
      return YamlNode.Kind.FLOAT;
    }
    return tag.equals(PyYamlResolver.TIMESTAMP) ? YamlNode.Kind.TIMESTAMP : YamlNode.Kind.STRING;
  }

  private static ScalarSpans.Style style(ScalarNode s) {
    return switch (s.getScalarStyle()) {
      case PLAIN -> ScalarSpans.Style.PLAIN;
      case SINGLE_QUOTED, DOUBLE_QUOTED, JSON_SCALAR_STYLE -> ScalarSpans.Style.QUOTED;
      case LITERAL -> ScalarSpans.Style.LITERAL;
      default -> ScalarSpans.Style.OTHER;
    };
  }

  private void checkCollectionTag(Node n, Tag expected) {
    if (!n.getTag().equals(expected)) {
      unsupportedTag(at(n), n.getTag());
    }
  }

  private void unsupportedTag(SourceLocation at, Tag tag) {
    diagnostics.add(
        Diagnostic.error(
            at,
            "unsupported tag " + tagName(tag),
            "only !!str, !!int, !!float, !!bool, !!null, !!map and !!seq are allowed"));
  }

  private static String tagName(Tag tag) {
    String value = tag.getValue();
    return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
  }

  private SourceLocation at(Node n) {
    return n.getStartMark()
        .map(m -> SourceLocation.of(file, m.getLine() + 1, m.getColumn() + 1))
        .orElse(SourceLocation.startOf(file));
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE / 2 : Math.min(sum, Long.MAX_VALUE / 2);
  }

  /** Stops the conversion: the document cannot be used at all. */
  private static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Diagnostic diagnostic;

    Abort(Diagnostic diagnostic) {
      super(diagnostic.message(), null, false, false);
      this.diagnostic = diagnostic;
    }
  }
}
