package io.configurableagents.core.validate;

import java.util.List;

/** Renders diagnostics with the offending source line and a caret, as GCC does. */
public final class DiagnosticFormatter {
  /** Longer source lines are cut to a window around the column. */
  static final int MAX_LINE = 120;

  private static final String ELLIPSIS = "...";
  private static final String INDENT = "    ";

  private DiagnosticFormatter() {}

  /**
   * One block per diagnostic:
   *
   * <pre>
   * workflow.yaml:12:5: error: unknown node "wirte" in edge (did you mean "write"?)
   *     - {from: research, to: wirte}
   *                            ^
   * </pre>
   *
   * Lines are cut around the column when longer than 120 characters; control characters are shown
   * as {@code ?}. Without source text, only the first line of each block.
   */
  public static String format(List<Diagnostic> diagnostics, String sourceText) {
    SourceLines lines = SourceLines.of(sourceText);
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      out.append(d).append('\n');
      String line = lines.line(d.location().line());
      if (!sourceText.isEmpty() && !line.isBlank()) {
        appendSnippet(out, line, d.location().column());
      }
    }
    return out.toString();
  }

  /** The source line (cut to a window around the column) and a caret under the column. */
  private static void appendSnippet(StringBuilder out, String line, int column) {
    int[] cps = line.codePoints().map(c -> Character.isISOControl(c) && c != '\t' ? '?' : c).toArray();
    int caret = Math.min(Math.max(column - 1, 0), cps.length);
    int from = 0;
    int to = cps.length;
    if (cps.length > MAX_LINE) {
      from = Math.max(0, Math.min(caret - MAX_LINE / 2, cps.length - MAX_LINE));
      to = Math.min(cps.length, from + MAX_LINE);
    }
    StringBuilder text = new StringBuilder(INDENT);
    StringBuilder marker = new StringBuilder(INDENT);
    if (from > 0) {
      text.append(ELLIPSIS);
      marker.append(" ".repeat(ELLIPSIS.length()));
    }
    for (int i = from; i < to; i++) {
      text.appendCodePoint(cps[i]);
      if (i < caret) {
        marker.append(cps[i] == '\t' ? '\t' : ' ');
      }
    }
    if (to < cps.length) {
      text.append(ELLIPSIS);
    }
    out.append(text).append('\n').append(marker).append("^\n");
  }
}
