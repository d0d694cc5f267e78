package io.configurableagents.core.validate;

import java.util.List;

/** Renders diagnostics with the offending source line and a caret, as GCC does. */
public final class DiagnosticFormatter {
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
    throw new UnsupportedOperationException("DiagnosticFormatter: not implemented yet");
  }
}
