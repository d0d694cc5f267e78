package io.configurableagents.core.yaml;

import io.configurableagents.core.model.SourceLocation;
import io.configurableagents.core.validate.SourceMap;
import io.configurableagents.core.validate.SourceSpan;
import java.util.Optional;

/** {@link SourceMap} over a read tree. {@code from} and {@code schema} also find their aliases. */
final class TreeSourceMap implements SourceMap {
  private final YamlNode root;

  TreeSourceMap(YamlNode root) {
    this.root = root;
  }

  @Override
  public SourceLocation value(Object... path) {
    return walk(path).node.at();
  }

  @Override
  public SourceLocation key(Object... path) {
    Found found = walk(path);
    return found.key.map(YamlNode.Scalar::at).orElse(found.node.at());
  }

  @Override
  public SourceSpan span(Object... path) {
    YamlNode node = walk(path).node;
    return node instanceof YamlNode.Scalar s ? s.span() : SourceSpan.at(node.at());
  }

  /** The deepest node on the path, and the key that holds it when the whole path was found. */
  private record Found(YamlNode node, Optional<YamlNode.Scalar> key) {}

  private Found walk(Object... path) {
    YamlNode node = root;
    Optional<YamlNode.Scalar> key = Optional.empty();
    for (Object segment : path) {
      if (segment instanceof Integer i && node instanceof YamlNode.Sequence s && i >= 0 && i < s.items().size()) {
        node = s.items().get(i);
        key = Optional.empty();
      } else if (segment instanceof String k && node instanceof YamlNode.Mapping m && entry(m, k).isPresent()) {
        YamlNode.Entry e = entry(m, k).get();
        node = e.value();
        key = Optional.of(e.key());
      } else {
        return new Found(node, Optional.empty());
      }
    }
    return new Found(node, key);
  }

  private static Optional<YamlNode.Entry> entry(YamlNode.Mapping m, String key) {
    return m.entry(key).or(() -> key.equals("from") || key.equals("schema") ? m.entry(key + "_") : Optional.empty());
  }
}
