package io.configurableagents.core.yaml;

import io.configurableagents.core.model.SourceLocation;
import io.configurableagents.core.validate.Snippets;
import io.configurableagents.core.validate.SourceSpan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A document as read from YAML or JSON, with the position of every key and value: the neutral
 * tree that the binder walks. Snakeyaml and Jackson types stop at the readers that build it.
 * Subtrees reached through YAML aliases are shared, never copied.
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

  /** Where the node starts. */
  SourceLocation at();

  /** How users call this kind of value in messages: "a mapping", "a list", "the number 1.0"... */
  String describe();

  /** One {@code key: value} pair; the key is always a scalar. */
  record Entry(Scalar key, YamlNode value) {}

  /** A mapping whose keys are unique (the readers report duplicates and keep the first). */
  record Mapping(List<Entry> entries, SourceLocation at) implements YamlNode {
    public Mapping {
      entries = List.copyOf(entries);
    }

    Optional<Entry> entry(String key) {
      for (Entry e : entries) {
        if (e.key().text().equals(key)) {
          return Optional.of(e);
        }
      }
      return Optional.empty();
    }

    Optional<YamlNode> get(String key) {
      return entry(key).map(Entry::value);
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  record Sequence(List<YamlNode> items, SourceLocation at) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /**
   * A scalar, resolved as PyYAML resolves it (YAML 1.1) or as JSON defines it.
   *
   * @param kind what the scalar resolved to
   * @param value the JSON-model value: {@code String}, {@code Long} or {@code BigInteger},
   *     {@code Double}, {@code Boolean}, or empty for null
   * @param text the scalar as written, without quotes (for a timestamp, its text)
   * @param span where the scalar's characters are, for positions inside it
   */
  record Scalar(Kind kind, Optional<Object> value, String text, SourceSpan span) implements YamlNode {
    public Scalar {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public SourceLocation at() {
      return span.start();
    }

    boolean isString() {
      return kind == Kind.STRING;
    }

    @Override
    public String describe() {
      return switch (kind) {
        case STRING -> "the string \"" + Snippets.shorten(text) + "\"";
        case INT, FLOAT -> "the number " + Snippets.shorten(text);
        case BOOL -> "the boolean " + text;
        case NULL -> "null";
        case TIMESTAMP -> "the date " + text;
      };
    }
  }

  /** What a scalar resolved to. */
  enum Kind {
    STRING,
    INT,
    FLOAT,
    BOOL,
    NULL,
    TIMESTAMP
  }
}
