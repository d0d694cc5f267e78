package io.configurableagents.core.validate;

import io.configurableagents.core.model.SourceLocation;
import java.util.Arrays;
import java.util.Objects;

/**
 * Where the characters of one scalar value are in its file, so that a problem at an offset inside
 * a prompt or condition can be reported at its own line and column.
 *
 * <p>A span is precise only when the loader could verify that every character of the value sits
 * verbatim in the file (plain and one-line quoted scalars without escapes, literal blocks);
 * otherwise every offset maps to the start of the value.
 */
public final class SourceSpan {
  private final SourceLocation start;
  private final int[] lineOffsets;
  private final int[] lineNumbers;
  private final int[] lineColumns;
  private final String value;

  private SourceSpan(SourceLocation start, String value, int[] lineOffsets, int[] lineNumbers, int[] lineColumns) {
    this.start = Objects.requireNonNull(start, "start");
    this.value = value;
    this.lineOffsets = lineOffsets;
    this.lineNumbers = lineNumbers;
    this.lineColumns = lineColumns;
  }

  /** A span that knows only where the value starts. */
  public static SourceSpan at(SourceLocation start) {
    return new SourceSpan(start, "", new int[0], new int[0], new int[0]);
  }

  /**
   * A precise span.
   *
   * @param value the scalar's value
   * @param lineOffsets for each line of the value, the offset in {@code value} where it starts
   *     (the first is 0)
   * @param lineNumbers the 1-based file line of each value line
   * @param lineColumns the 1-based file column (in code points) of each value line's first character
   */
  public static SourceSpan precise(
      SourceLocation start, String value, int[] lineOffsets, int[] lineNumbers, int[] lineColumns) {
    if (lineOffsets.length == 0 || lineOffsets.length != lineNumbers.length || lineNumbers.length != lineColumns.length) {
      throw new IllegalArgumentException("one offset, line and column per value line");
    }
    return new SourceSpan(
        start, value, lineOffsets.clone(), lineNumbers.clone(), lineColumns.clone());
  }

  public SourceLocation start() {
    return start;
  }

  public boolean isPrecise() {
    return lineOffsets.length > 0;
  }

  /** The file position of the value's character at {@code offset} (0-based, in chars). */
  public SourceLocation at(int offset) {
    if (!isPrecise() || offset < 0 || offset > value.length()) {
      return start;
    }
    int i = Arrays.binarySearch(lineOffsets, offset);
    int line = i >= 0 ? i : -i - 2;
    int columns = value.codePointCount(lineOffsets[line], offset);
    return SourceLocation.of(start.file(), lineNumbers[line], lineColumns[line] + columns);
  }

  @Override
  public String toString() {
    return start + (isPrecise() ? " (precise)" : "");
  }
}
