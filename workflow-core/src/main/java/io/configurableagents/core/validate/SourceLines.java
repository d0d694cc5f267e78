package io.configurableagents.core.validate;

import io.configurableagents.core.model.SourceLocation;
import java.util.Arrays;

/**
 * The lines of a source text, indexed once. Line breaks are {@code \n}, {@code \r\n} and
 * {@code \r}; columns count code points, as the YAML parser does.
 */
public final class SourceLines {
  private final String text;
  private final int[] starts;

  private SourceLines(String text, int[] starts) {
    this.text = text;
    this.starts = starts;
  }

  public static SourceLines of(String text) {
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return new SourceLines(text, Arrays.copyOf(starts, count));
  }

  /** How many lines there are (a final line break starts an empty last line). */
  public int count() {
    return starts.length;
  }

  /** The whole text. */
  public String text() {
    return text;
  }

  /** The index in {@link #text()} where line {@code n} (1-based) starts, or -1 when out of range. */
  public int startIndex(int n) {
    return n < 1 || n > starts.length ? -1 : starts[n - 1];
  }

  /** Line {@code n} (1-based) without its line break; empty when out of range. */
  public String line(int n) {
    if (n < 1 || n > starts.length) {
      return "";
    }
    int from = starts[n - 1];
    int to = n < starts.length ? starts[n] : text.length();
    while (to > from && (text.charAt(to - 1) == '\n' || text.charAt(to - 1) == '\r')) {
      to--;
    }
    return text.substring(from, to);
  }

  /** The position of the char at {@code index} (0-based, clamped to the text). */
  public SourceLocation locationOfIndex(String file, int index) {
    int clamped = Math.max(0, Math.min(index, text.length()));
    int i = Arrays.binarySearch(starts, clamped);
    int line = i >= 0 ? i : -i - 2;
    int column = text.codePointCount(starts[line], clamped) + 1;
    return SourceLocation.of(file, line + 1, column);
  }

  /** The position of the code point at {@code codePointIndex} (0-based). */
  public SourceLocation locationOfCodePoint(String file, int codePointIndex) {
    int limit = text.codePointCount(0, text.length());
    int index = text.offsetByCodePoints(0, Math.max(0, Math.min(codePointIndex, limit)));
    return locationOfIndex(file, index);
  }
}
