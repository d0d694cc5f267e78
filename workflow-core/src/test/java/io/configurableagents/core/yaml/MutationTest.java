package io.configurableagents.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.model.EdgeSpec;
import io.configurableagents.core.model.NodeSpec;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.validate.Diagnostic;
import io.configurableagents.core.validate.SourceLines;
import io.configurableagents.core.validate.ValidationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Thousands of seeded, reproducible mutants of the conformance files (deleted, repeated and
 * re-indented lines, swapped keys, changed scalars, stray characters): every mutant yields
 * diagnostics that point inside it, or a valid workflow whose references hold; never an exception.
 */
class MutationTest {
  /** Fixed so that a failure reproduces; {@code -Dmutation.seed=N} explores other mutants. */
  private static final long SEED = Long.getLong("mutation.seed", 20261126L);
  private static final int MUTANTS_PER_FILE = 300;
  private static final Pattern KEY_LINE = Pattern.compile("^(\\s*-?\\s*)([A-Za-z_][A-Za-z0-9_]*)(:)(.*)$");
  private static final String[] SCALARS = {
    "", "1.0", "yes", "null", "~", "[a, b]", "{x: 1}", "-1", "0", "END", "START", "\"{state.x}\"", "'", "\"",
    "&a", "*a", "!!int x", "[", "{", "}", "|", ">", "state.score >= (1", "\"{{\"", "\u00e9t\u00e9", "1e5",
    "\"dict[str, dict[str, int]]\"", "object", "list[object]", "\"{_parallel_item}\"", "- a", ": b", "#", "@x", "`x`",
    "99999999999999999999999", ".nan", "2024-01-01", "\"\\u0000\"", "\t", "<<: *a"
  };

  @Test
  void everyMutantYieldsDiagnosticsOrAValidWorkflowAndNeverAnException() throws IOException {
    Random random = new Random(SEED);
    int mutants = 0;
    int valid = 0;
    for (Path file : conformanceFiles()) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < MUTANTS_PER_FILE; i++) {
        String mutant = String.join("\n", mutate(lines, random)) + "\n";
        String name = file.getFileName().toString();
        ValidationReport report = WorkflowLoader.fromString(name, mutant).validate();
        String context = name + " mutant " + i + " of seed " + SEED + ":\n" + mutant;
        check(report, mutant, context);
        valid += report.workflow().isPresent() ? 1 : 0;
        mutants++;
      }
    }
    assertThat(mutants).isGreaterThanOrEqualTo(3000);
    assertThat(valid).as("some mutants stay valid (comments, descriptions...)").isPositive().isLessThan(mutants);
  }

  private static List<Path> conformanceFiles() throws IOException {
    Path dir = ConformanceTest.conformanceDir().resolve("reference");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static void check(ValidationReport report, String text, String context) {
    assertThat(report.diagnostics()).as(context).noneMatch(d -> d.message().startsWith("internal error"));
    if (report.hasErrors()) {
      assertThat(report.workflow()).as(context).isEmpty();
      SourceLines lines = SourceLines.of(text);
      for (Diagnostic d : report.diagnostics()) {
        assertThat(d.location().line()).as(context + "\n" + d).isBetween(1, lines.count());
        String line = lines.line(d.location().line());
        assertThat(d.location().column()).as(context + "\n" + d).isBetween(1, line.codePointCount(0, line.length()) + 1);
      }
    } else {
      assertThat(report.workflow()).as(context).isPresent();
      assertReferencesHold(report.workflow().get(), context);
    }
  }

  private static void assertReferencesHold(Workflow workflow, String context) {
    List<String> ids = workflow.nodes().stream().map(NodeSpec::id).toList();
    for (NodeSpec node : workflow.nodes()) {
      assertThat(workflow.state().keySet()).as(context).containsAll(node.outputs());
    }
    for (EdgeSpec edge : workflow.edges()) {
      assertThat(edge.from().equals(EdgeSpec.START) || ids.contains(edge.from())).as(context).isTrue();
    }
    assertThat(workflow.edgesFrom(EdgeSpec.START)).as(context).hasSize(1);
  }

  private static List<String> mutate(List<String> original, Random random) {
    List<String> lines = new ArrayList<>(original);
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count && !lines.isEmpty(); i++) {
      int at = random.nextInt(lines.size());
      switch (random.nextInt(6)) {
        case 0 -> lines.remove(at);
        case 1 -> lines.add(at, lines.get(at));
        case 2 -> lines.set(at, reindent(lines.get(at), random));
        case 3 -> swapKeys(lines, at, random);
        case 4 -> lines.set(at, changeScalar(lines.get(at), random));
        default -> lines.set(at, strayCharacter(lines.get(at), random));
      }
    }
    return lines;
  }

  private static String reindent(String line, Random random) {
    return random.nextBoolean() ? "  " + line : line.replaceFirst("^ {1,2}", "");
  }

  private static void swapKeys(List<String> lines, int at, Random random) {
    int other = random.nextInt(lines.size());
    Matcher a = KEY_LINE.matcher(lines.get(at));
    Matcher b = KEY_LINE.matcher(lines.get(other));
    if (a.matches() && b.matches()) {
      lines.set(at, a.group(1) + b.group(2) + a.group(3) + a.group(4));
      lines.set(other, b.group(1) + a.group(2) + b.group(3) + b.group(4));
    }
  }

  private static String changeScalar(String line, Random random) {
    Matcher m = KEY_LINE.matcher(line);
    String value = SCALARS[random.nextInt(SCALARS.length)];
    return m.matches() ? m.group(1) + m.group(2) + ": " + value : line + " " + value;
  }

  private static String strayCharacter(String line, Random random) {
    String stray = String.valueOf("{}[]:,-#&*!|>'\"%@`\t".charAt(random.nextInt(19)));
    int at = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
    return line.substring(0, at) + stray + line.substring(at);
  }
}
