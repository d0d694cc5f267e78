package io.configurableagents.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.model.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticFormatterTest {

  private static final String SOURCE = "edges:\n  - {from: research, to: wirte}\n";

  @Test
  void printsTheSourceLineAndACaretUnderTheColumn() {
    Diagnostic d = Diagnostic.error(SourceLocation.of("workflow.yaml", 2, 26), "unknown node \"wirte\"", "did you mean \"write\"?");
    assertThat(DiagnosticFormatter.format(List.of(d), SOURCE)).isEqualTo("""
        workflow.yaml:2:26: error: unknown node "wirte" (did you mean "write"?)
              - {from: research, to: wirte}
                                     ^
        """);
  }

  @Test
  void printsOneBlockPerDiagnosticInTheGivenOrder() {
    Diagnostic warning = Diagnostic.warning(SourceLocation.of("w.yaml", 1, 1), "first");
    Diagnostic error = Diagnostic.error(SourceLocation.of("w.yaml", 2, 3), "second");
    assertThat(DiagnosticFormatter.format(List.of(warning, error), SOURCE).lines())
        .containsExactly("w.yaml:1:1: warning: first", "    edges:", "    ^", "w.yaml:2:3: error: second",
            "      - {from: research, to: wirte}", "      ^");
  }

  @Test
  void withoutSourceTextOnlyTheMessageLineIsPrinted() {
    Diagnostic d = Diagnostic.error(SourceLocation.of("w.yaml", 1, 1), "file not found");
    assertThat(DiagnosticFormatter.format(List.of(d), "")).isEqualTo("w.yaml:1:1: error: file not found\n");
  }

  @Test
  void lineBeyondTheTextPrintsNoSnippet() {
    Diagnostic d = Diagnostic.error(SourceLocation.of("w.yaml", 9, 1), "late");
    assertThat(DiagnosticFormatter.format(List.of(d), SOURCE)).isEqualTo("w.yaml:9:1: error: late\n");
  }

  @Test
  void longLinesAreCutAroundTheColumn() {
    String line = "x".repeat(200) + "HERE" + "y".repeat(200);
    Diagnostic d = Diagnostic.error(SourceLocation.of("w.yaml", 1, 201), "here");
    List<String> lines = DiagnosticFormatter.format(List.of(d), line).lines().toList();
    assertThat(lines.get(1)).startsWith("    ...x").endsWith("y...").contains("HERE");
    assertThat(lines.get(1).length()).isLessThan(140);
    assertThat(lines.get(2).indexOf('^')).isEqualTo(lines.get(1).indexOf("HERE"));
  }

  @Test
  void controlCharactersAreShownAsQuestionMarksAndTabsKeepTheCaretAligned() {
    Diagnostic d = Diagnostic.error(SourceLocation.of("w.yaml", 1, 5), "bad");
    List<String> lines = DiagnosticFormatter.format(List.of(d), "a\tb\u0007c: d").lines().toList();
    assertThat(lines.get(1)).isEqualTo("    a\tb?c: d");
    assertThat(lines.get(2)).isEqualTo("     \t  ^");
  }
}
