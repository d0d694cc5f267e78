package io.configurableagents.core.yaml;

import io.configurableagents.core.model.SourceLocation;
import io.configurableagents.core.validate.SourceLines;
import io.configurableagents.core.validate.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link SourceSpan} of a scalar: precise when every character of the value can be
 * found verbatim in the file, else anchored at the value's start.
 */
final class ScalarSpans {
  /** How the scalar was written, as far as positions inside it are concerned. */
  enum Style {
    PLAIN,
    QUOTED,
    LITERAL,
    OTHER
  }

  private final SourceLines lines;

  ScalarSpans(SourceLines lines) {
    this.lines = lines;
  }

  SourceSpan of(Style style, String value, SourceLocation start) {
    SourceSpan fallback = SourceSpan.at(start);
    return switch (style) {
      case PLAIN -> oneLine(value, start, 0, fallback);
      case QUOTED -> oneLine(value, start, 1, fallback);
      case LITERAL -> literal(value, start, fallback);
      case OTHER -> fallback;
    };
  }

  private SourceSpan oneLine(String value, SourceLocation start, int skip, SourceSpan fallback) {
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      return fallback;
    }
    int index = charIndex(lines.startIndex(start.line()), start.column() - 1 + skip);
    if (index < 0 || !lines.text().startsWith(value, index)) {
      return fallback;
    }
    return SourceSpan.precise(
        start, value, new int[] {0}, new int[] {start.line()}, new int[] {start.column() + skip});
  }

  /** A {@code |} block: value line i is file line start+1+i with the block's indentation removed. */
  private SourceSpan literal(String value, SourceLocation start, SourceSpan fallback) {
    List<String> valueLines = splitLines(value);
    int indent = indentOf(valueLines, start);
    if (indent < 0) {
      return fallback;
    }
    int n = valueLines.size();
    int[] offsets = new int[n];
    int[] lineNumbers = new int[n];
    int[] columns = new int[n];
    int offset = 0;
    for (int i = 0; i < n; i++) {
      String v = valueLines.get(i);
      String f = lines.line(start.line() + 1 + i);
      boolean matches = v.isEmpty() ? f.isBlank() : f.length() >= indent && f.substring(indent).equals(v)
          && f.substring(0, indent).isBlank();
      if (!matches) {
        return fallback;
      }
      offsets[i] = offset;
      lineNumbers[i] = start.line() + 1 + i;
      columns[i] = indent + 1;
      offset += v.length() + 1;
    }
    return SourceSpan.precise(start, value, offsets, lineNumbers, columns);
  }

  /** The block's indentation, from its first non-empty line; -1 when it cannot be found. */
  private int indentOf(List<String> valueLines, SourceLocation start) {
    for (int i = 0; i < valueLines.size(); i++) {
      String v = valueLines.get(i);
      String f = lines.line(start.line() + 1 + i);
      if (!v.isEmpty() && f.endsWith(v) && f.substring(0, f.length() - v.length()).isBlank()) {
        return f.length() - v.length();
      }
    }
    return -1;
  }

  /** Lines of the value; a final line break does not start another line. */
  private static List<String> splitLines(String value) {
    List<String> result = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) == '\n') {
        result.add(value.substring(from, i));
        from = i + 1;
      }
    }
    if (from < value.length() || result.isEmpty()) {
      result.add(value.substring(from));
    }
    return result;
  }

  /** The index {@code codePoints} code points after {@code lineStart}, or -1. */
  private int charIndex(int lineStart, int codePoints) {
    if (lineStart < 0) {
      return -1;
    }
    try {
      return lines.text().offsetByCodePoints(lineStart, codePoints);
    } catch (IndexOutOfBoundsException e) {
      return -1;
    }
  }
}
