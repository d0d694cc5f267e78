package io.configurableagents.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configurableagents.core.validate.Diagnostic;
import io.configurableagents.core.validate.ValidationReport;
import io.configurableagents.core.validate.WorkflowDefinitionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever the bytes, the loader answers with diagnostics (never an exception, never a hang), and
 * each diagnostic says where the problem is.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BadInputTest {

  private static final String VALID =
      """
      schema_version: "1.0"
      flow: {name: ok}
      state:
        fields:
          topic: {type: str, required: true}
          out: {type: str, default: ""}
      nodes:
        - id: only
          prompt: |
            Write about {topic}.
      %s
          outputs: [out]
          output_schema: {type: str}
      edges:
        - {from: START, to: only}
        - {from: only, to: END}
      """;

  private static ValidationReport validate(String text) {
    return WorkflowLoader.fromString("w.yaml", text).validate();
  }

  private static ValidationReport validate(byte[] bytes) {
    return WorkflowLoader.fromBytes("w.yaml", bytes).validate();
  }

  private static void assertNoInternalError(ValidationReport report) {
    assertThat(report.diagnostics()).noneMatch(d -> d.message().startsWith("internal error"));
  }

  @Test
  void malformedYamlReportsTheParserPosition() {
    ValidationReport report = validate("schema_version: \"1.0\"\nflow:\n  name: [unclosed\nstate: {}\n");
    assertThat(report.errors()).singleElement().satisfies(d -> {
      assertThat(d.message()).startsWith("invalid YAML:");
      assertThat(d.location().line()).isEqualTo(4);
      assertThat(d.hint()).hasValueSatisfying(h -> assertThat(h).contains("opened at 3:9"));
    });
  }

  @Test
  void emptyFileIsOneError() {
    assertThat(validate("").diagnostics()).extracting(Diagnostic::toString)
        .containsExactly("w.yaml:1:1: error: the file is empty (a workflow needs schema_version: \"1.0\", flow, state, nodes and edges)");
    assertThat(validate("# only a comment\n\n").errors()).singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo("the file is empty"));
  }

  @Test
  void rootThatIsNotAMappingIsOneError() {
    assertThat(validate("just a sentence\n").diagnostics()).extracting(Diagnostic::toString)
        .containsExactly("w.yaml:1:1: error: a workflow file must be a mapping with schema_version, flow, state, nodes and edges, not the string \"just a sentence\"");
    assertThat(validate("- a\n- b\n").errors()).singleElement().satisfies(d -> assertThat(d.message()).endsWith("not a list"));
  }

  @Test
  void binaryFileIsRefusedAtItsFirstNulByte() throws IOException {
    byte[] png;
    try (InputStream in = getClass().getResourceAsStream("/bad/pixel.png")) {
      png = in.readAllBytes();
    }
    ValidationReport report = validate(png);
    assertThat(report.errors()).singleElement().satisfies(d -> assertThat(d.message()).startsWith("binary file"));
    assertThat(report.sourceText()).isEmpty();
  }

  @Test
  void latin1FileIsRefusedAtTheBadByte() {
    byte[] latin1 = "schema_version: \"1.0\"\nflow: {name: café}\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(validate(latin1).diagnostics()).extracting(Diagnostic::toString)
        .containsExactly("w.yaml:2:17: error: not valid UTF-8 (byte 0xE9) (save the file as UTF-8)");
  }

  @Test
  void tenMegabyteFileLoads() {
    String big = ("      " + "All work and no play makes a dull prompt. ".repeat(20) + "\n").repeat(12_500);
    String text = VALID.formatted(big);
    assertThat(text.length()).isGreaterThan(10_000_000);
    ValidationReport report = validate(text);
    assertThat(report.diagnostics()).isEmpty();
    assertThat(report.workflow().orElseThrow().nodes().get(0).prompt().source()).hasSizeGreaterThan(10_000_000);
  }

  @Test
  void fileOverTheSizeLimitIsRefusedBeforeParsing() {
    byte[] huge = new byte[17 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) '#');
    assertThat(validate(huge).errors()).singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo("file is 17.0 MB; a workflow file may be at most 16 MB"));
  }

  @Test
  void billionLaughsIsRefusedQuickly() {
    StringBuilder bomb = new StringBuilder("schema_version: \"1.0\"\nlol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 9; i++) {
      bomb.append("lol").append(i).append(": &lol").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*lol").append(i - 1);
      }
      bomb.append("]\n");
    }
    ValidationReport report = validate(bomb.toString());
    assertThat(report.errors()).singleElement().satisfies(d -> assertThat(d.message()).contains("alias bomb"));
  }

  @Test
  void deepNestingIsRefused() {
    ValidationReport report = validate("schema_version: \"1.0\"\nflow: " + "{a: ".repeat(5_000) + "1" + "}".repeat(5_000) + "\n");
    assertThat(report.errors()).singleElement().satisfies(d -> {
      assertThat(d.message()).contains("nesting deeper than 100 levels");
      assertThat(d.location().line()).isEqualTo(2);
    });
  }

  @Test
  void twentyIndependentMistakesGiveTwentyDiagnosticsInOneRun() throws IOException {
    Path file = Path.of("src/test/resources/bad/twenty-mistakes.yaml");
    ValidationReport report = WorkflowLoader.fromPath(file, "twenty-mistakes.yaml").validate();
    assertThat(report.diagnostics()).as(report.format()).hasSize(20).allMatch(Diagnostic::isError);
    assertThat(report.diagnostics()).extracting(d -> d.location().line()).isSorted();
    ConformanceTest.assertPointInside(report.diagnostics(), Files.readString(file));
  }

  @Test
  void missingFileIsADiagnosticNamingTheFile(@TempDir Path dir) {
    ValidationReport report = WorkflowLoader.fromPath(dir.resolve("nope.yaml")).validate();
    assertThat(report.errors()).singleElement().satisfies(d -> {
      assertThat(d.location().file()).endsWith("nope.yaml");
      assertThat(d.message()).isEqualTo("file not found");
    });
  }

  @Test
  void unsupportedExtensionIsRefusedAsTheReferenceDoes() {
    assertThat(WorkflowLoader.fromString("workflow.txt", "a: 1").validate().errors()).singleElement()
        .satisfies(d -> assertThat(d.message()).startsWith("unsupported file extension"));
    assertThat(WorkflowLoader.fromString("WORKFLOW.YML", VALID.formatted("")).validate().errors()).isEmpty();
  }

  @Test
  void loadThrowsWithEveryDiagnosticInItsMessage() {
    assertThatThrownBy(() -> WorkflowLoader.fromString("w.yaml", "schema_version: 1.0\nflow: {}\n").load())
        .isInstanceOfSatisfying(WorkflowDefinitionException.class, e -> {
          assertThat(e.diagnostics()).hasSizeGreaterThanOrEqualTo(5);
          assertThat(e.getMessage()).startsWith("workflow has " + e.report().errors().size() + " errors")
              .contains("w.yaml:1:17: error: schema_version must be the string \"1.0\"")
              .contains("    schema_version: 1.0\n                    ^");
        });
  }

  @Test
  void controlCharactersAndOddScalarsNeverCrash() {
    for (String odd : new String[] {"\u0000", "\u001b[31m", "\uFFFE", "\uD800", "!!binary AAAA", "&a *a", "? ? ?", "%YAML 2.0\n---\na: 1", "[}", "{]", "\"\\x\""}) {
      assertNoInternalError(validate(odd));
      assertNoInternalError(validate(VALID.formatted("      " + odd)));
    }
  }
}
