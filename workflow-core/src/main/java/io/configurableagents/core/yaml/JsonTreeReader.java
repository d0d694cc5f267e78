package io.configurableagents.core.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.configurableagents.core.model.SourceLocation;
import io.configurableagents.core.validate.Diagnostic;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a {@code .json} workflow into the same {@link YamlNode} tree, positions kept. */
final class JsonTreeReader {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(LimitedComposer.MAX_DEPTH)
                  .maxStringLength(SourceDecoder.MAX_BYTES)
                  .build())
          .build();

  private final String file;
  private final String text;
  private final ScalarSpans spans;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  JsonTreeReader(String file, String text, ScalarSpans spans) {
    this.file = file;
    this.text = text;
    this.spans = spans;
  }

  ReadResult read() {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new ReadResult(Optional.empty(), List.of());
      }
      YamlNode root = value(parser, first);
      if (parser.nextToken() != null) {
        diagnostics.add(Diagnostic.error(at(parser.currentTokenLocation()), "invalid JSON: more than one value in the file"));
      }
      return new ReadResult(Optional.of(root), diagnostics);
    } catch (JsonProcessingException e) {
      SourceLocation where = Optional.ofNullable(e.getLocation()).map(this::at).orElse(SourceLocation.startOf(file));
      return ReadResult.failed(Diagnostic.error(where, "invalid JSON: " + firstLine(e.getOriginalMessage())));
    } catch (IOException e) {
      return ReadResult.failed(Diagnostic.error(SourceLocation.startOf(file), "invalid JSON: " + e.getMessage()));
    }
  }

  private YamlNode value(JsonParser parser, JsonToken token) throws IOException {
    SourceLocation start = at(parser.currentTokenLocation());
    return switch (token) {
      case START_OBJECT -> object(parser, start);
      case START_ARRAY -> array(parser, start);
      case VALUE_STRING -> scalar(YamlNode.Kind.STRING, Optional.of(parser.getText()), parser.getText(), start, true);
      case VALUE_NUMBER_INT -> scalar(YamlNode.Kind.INT, Optional.of(integer(parser)), parser.getText(), start, false);
      case VALUE_NUMBER_FLOAT ->
          scalar(YamlNode.Kind.FLOAT, Optional.of(parser.getDoubleValue()), parser.getText(), start, false);
      case VALUE_TRUE, VALUE_FALSE ->
          scalar(YamlNode.Kind.BOOL, Optional.of(token == JsonToken.VALUE_TRUE), parser.getText(), start, false);
      case VALUE_NULL -> scalar(YamlNode.Kind.NULL, Optional.empty(), "null", start, false);
      default -> throw new IllegalStateException("unexpected JSON token " + token);
    };
  }

  private YamlNode object(JsonParser parser, SourceLocation start) throws IOException {
    List<YamlNode.Entry> entries = new ArrayList<>();
    Map<String, SourceLocation> firstAt = new HashMap<>();
    for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
      String name = parser.currentName();
      YamlNode.Scalar key = scalar(YamlNode.Kind.STRING, Optional.of(name), name, at(parser.currentTokenLocation()), true);
      YamlNode value = value(parser, parser.nextToken());
      SourceLocation first = firstAt.putIfAbsent(name, key.at());
      if (first != null) {
        diagnostics.add(
            Diagnostic.error(
                key.at(),
                "duplicate key \"" + name + "\" (first at line " + first.line() + ")",
                "remove one of them: JSON parsers silently keep only one"));
      } else {
        entries.add(new YamlNode.Entry(key, value));
      }
    }
    return new YamlNode.Mapping(entries, start);
  }

  private YamlNode array(JsonParser parser, SourceLocation start) throws IOException {
    List<YamlNode> items = new ArrayList<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      items.add(value(parser, t));
    }
    return new YamlNode.Sequence(items, start);
  }

  private YamlNode.Scalar scalar(YamlNode.Kind kind, Optional<Object> value, String raw, SourceLocation start, boolean quoted) {
    return new YamlNode.Scalar(kind, value, raw, spans.of(quoted ? ScalarSpans.Style.QUOTED : ScalarSpans.Style.PLAIN, raw, start));
  }

  private static Object integer(JsonParser parser) throws IOException {
    BigInteger value = parser.getBigIntegerValue();
    return value.bitLength() < 64 ? (Object) value.longValue() : value;
  }

  private SourceLocation at(JsonLocation location) {
    int line = Math.max(1, location.getLineNr());
    int column = Math.max(1, location.getColumnNr());
    return SourceLocation.of(file, line, column);
  }

  private static String firstLine(String message) {
    String m = Optional.ofNullable(message).orElse("syntax error");
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
