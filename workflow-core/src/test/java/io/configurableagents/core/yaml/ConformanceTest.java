package io.configurableagents.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.validate.Diagnostic;
import io.configurableagents.core.validate.SourceLines;
import io.configurableagents.core.validate.ValidationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file listed in {@code ../shared/conformance/expectations.tsv} gets its verdict; every
 * rejection has errors that point inside the file. The directory comes from the system property
 * {@code conformance.dir} (set by the pom from the repository root).
 */
class ConformanceTest {

  static Path conformanceDir() {
    String dir = System.getProperty("conformance.dir");
    assertThat(dir).as("system property conformance.dir (set by workflow-core/pom.xml)").isNotNull();
    Path path = Path.of(dir);
    assertThat(path.resolve("expectations.tsv"))
        .as("the conformance corpus; it lives in ../shared/conformance beside the repository").exists();
    return path;
  }

  static Stream<Arguments> expectations() throws IOException {
    Path dir = conformanceDir();
    return Files.readAllLines(dir.resolve("expectations.tsv"), StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> line.split("\t"))
        .map(cols -> Arguments.of(cols[0], cols[1], cols.length > 2 ? cols[2] : ""));
  }

  @ParameterizedTest(name = "{0}: {1} ({2})")
  @MethodSource("expectations")
  void everyListedFileGetsItsVerdict(String file, String verdict, String why) throws IOException {
    Path path = conformanceDir().resolve(file);
    ValidationReport report = WorkflowLoader.fromPath(path, path.getFileName().toString()).validate();
    if (verdict.equals("accept")) {
      assertThat(report.errors()).as(report.format()).isEmpty();
      assertThat(report.workflow()).isPresent();
    } else {
      assertThat(verdict).isEqualTo("reject");
      assertThat(report.errors()).as("a rejection needs at least one error").isNotEmpty();
      assertPointInside(report.errors(), Files.readString(path, StandardCharsets.UTF_8));
    }
  }

  static void assertPointInside(List<Diagnostic> diagnostics, String text) {
    SourceLines lines = SourceLines.of(text);
    for (Diagnostic d : diagnostics) {
      assertThat(d.location().line()).as(d.toString()).isBetween(1, lines.count());
      String line = lines.line(d.location().line());
      assertThat(d.location().column()).as(d.toString()).isBetween(1, line.codePointCount(0, line.length()) + 1);
    }
  }
}
