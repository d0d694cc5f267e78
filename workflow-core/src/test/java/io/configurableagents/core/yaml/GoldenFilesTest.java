package io.configurableagents.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.validate.Diagnostic;
import io.configurableagents.core.validate.ValidationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: each {@code workflows/valid/*} and {@code workflows/invalid/*} file has a
 * {@code .txt} beside it with the exact diagnostics expected, one per line. Valid files have no
 * errors (their {@code .txt} lists their warnings); invalid files have at least one.
 *
 * <p>After a deliberate change of messages, regenerate with
 * {@code ./mvnw -pl workflow-core test -Dtest=GoldenFilesTest -Dgolden.update=true} and review the
 * diff.
 */
class GoldenFilesTest {
  private static final Path ROOT = Path.of("src/test/resources/workflows");

  static Stream<Path> valid() throws IOException {
    return files("valid");
  }

  static Stream<Path> invalid() throws IOException {
    return files("invalid");
  }

  private static Stream<Path> files(String dir) throws IOException {
    try (Stream<Path> list = Files.list(ROOT.resolve(dir))) {
      return list.filter(p -> !p.toString().endsWith(".txt")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void validFileLoadsWithExactlyTheExpectedWarnings(Path file) throws IOException {
    ValidationReport report = check(file);
    assertThat(report.errors()).as(report.format()).isEmpty();
    assertThat(report.workflow()).isPresent();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidFileGivesExactlyTheExpectedDiagnostics(Path file) throws IOException {
    ValidationReport report = check(file);
    assertThat(report.errors()).isNotEmpty();
    assertThat(report.workflow()).isEmpty();
    ConformanceTest.assertPointInside(report.diagnostics(), Files.readString(file, StandardCharsets.UTF_8));
  }

  private static ValidationReport check(Path file) throws IOException {
    ValidationReport report = WorkflowLoader.fromPath(file, file.getFileName().toString()).validate();
    List<String> actual = report.diagnostics().stream().map(Diagnostic::toString).toList();
    Path expected = Path.of(file.toString().replaceFirst("\\.[a-z]+$", ".txt"));
    if (Boolean.getBoolean("golden.update")) {
      Files.write(expected, actual, StandardCharsets.UTF_8);
    }
    assertThat(expected).as("expected diagnostics beside the file").exists();
    assertThat(actual).as(report.format()).containsExactlyElementsOf(Files.readAllLines(expected, StandardCharsets.UTF_8));
    return report;
  }
}
